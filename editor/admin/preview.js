// The web editor's previews (/admin/) are drawn with the site's own stylesheet. This file is the only script
// of ours on the editor's page, beside the pinned Decap CMS bundle (editor/package-lock.json).
/* global CMS */
CMS.registerPreviewStyle(new URL("../assets/stylesheets/selamat.css", document.baseURI).href);
