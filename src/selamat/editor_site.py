"""The web editor at /admin/, kept apart from the survivor site: written into the built site after every
page is final (so it is in no sitemap, search index, catalogue or offline copy, and no page links to it),
with its own Content-Security-Policy, `noindex`, and nothing loaded from another host. Its files are Decap
CMS's bundle, pinned in editor/package-lock.json and installed from the npm registry by the Makefile, our
own preview script (editor/admin/preview.js) and the configuration generated from the content model
(editor_config.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

from . import editor_config, security, standalone_page
from .languages import DEFAULT

FOLDER = "admin"
BUNDLE = Path("editor/node_modules/decap-cms/dist")
OWN = Path("editor/admin")
LOCAL_URL = "http://localhost:8081/api/v1"  # decap-server's default address (local mode)
GITHUB_API = "https://api.github.com"

# The editor's page only: its scripts are files (ours and the pinned bundle), never inline; Decap checks its
# configuration with a schema compiled at run time (ajv: `new Function`), hence 'unsafe-eval', and its
# React components inject their styles, hence 'unsafe-inline' for styles (not for scripts); it talks to
# GitHub's API, or to decap-server on this computer in local mode. The survivor pages never get these.
DIRECTIVES = {
    "default-src": ["'none'"],
    "script-src": ["'self'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", GITHUB_API],
    "frame-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}


class NotInstalled(Exception):
    pass


def policy(local_url: str = LOCAL_URL) -> str:
    origin = "/".join(local_url.split("/")[:3])
    parts = []
    for name, values in DIRECTIVES.items():
        if name == "connect-src":
            values = values + [origin]
        parts.append(" ".join([name, *values]))
    return "; ".join(parts)


def bundle_files(root: Path) -> list[Path]:
    """Decap's bundle and the chunks it loads beside itself (not the source maps, not the copy named cms.js)."""
    folder = root / BUNDLE
    if not (folder / "decap-cms.js").is_file():
        raise NotInstalled(str(folder))
    return sorted([folder / "decap-cms.js", *folder.glob("*.decap-cms.js"), *folder.glob("*.wasm")])


def page(local_url: str = LOCAL_URL) -> str:
    scripts = '<script src="decap-cms.js"></script><script src="preview.js"></script>'
    html = standalone_page.page(DEFAULT, "Selamat editor", scripts, robots="noindex, nofollow")
    return security.add_meta(html, own_policy=policy(local_url))


def write(site_dir: Path, root: Path, local_url: str | None = None) -> Path:
    """Write /admin/ into a built site (site_dir); `local_url`: decap-server's address when not the default."""
    files = bundle_files(root)
    out = site_dir / FOLDER
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for path in files:
        shutil.copyfile(path, out / path.name)
    for path in sorted((root / OWN).glob("*.js")):
        shutil.copyfile(path, out / path.name)
    cfg = editor_config.config(root, local_url=local_url)
    (out / "config.yml").write_text(editor_config.as_yaml(cfg), encoding="utf-8")
    (out / "index.html").write_text(page(local_url or LOCAL_URL), encoding="utf-8")
    return out


def headers_block(local_url: str = LOCAL_URL) -> str:
    """The _headers rule for /admin/*. Hosts apply every rule that matches a path: `! Content-Security-
    Policy` first detaches the site-wide policy there (Cloudflare Pages; Netlify ignores a line without a
    colon and serves the most specific rule's value), so the survivor pages' policy itself is unchanged."""
    return (f"/{FOLDER}/*\n"
            "  ! Content-Security-Policy\n"
            f"  Content-Security-Policy: {policy(local_url)}; frame-ancestors 'none'\n"
            "  X-Frame-Options: DENY\n"
            "  X-Robots-Tag: noindex, nofollow\n")
