/* The hreflang links in <head> are for search engines. Material's script reads every
   link[rel=alternate] when the page is ready and downloads a sitemap.xml beside each one: from the
   public host even when the site is read elsewhere, and at addresses that do not exist. This takes
   those links out of the live page just before Material looks; the HTML that crawlers read keeps them. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) { link.remove(); });
});
