"""Reading: input files into Documents, the article body cut out of the page, and the page's metadata."""
