"""In the plain-file build (SELAMAT_DIRECTORY_URLS=false: the offline edition opened from a folder
or a USB stick), loads the local iframe-worker shim so Material's search worker can start from
file://, where browsers refuse Web Workers. (Material's offline plugin would load it from unpkg.com.)"""


def on_config(config):
    if not config.use_directory_urls:
        polyfills = config.extra.setdefault("polyfills", [])
        shim = "assets/javascripts/vendor/iframe-worker/shim.js"
        if shim not in polyfills:
            polyfills.append(shim)
    return config
