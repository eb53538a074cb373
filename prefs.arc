@sandbox
# Live reload injects an inline script without our CSP nonce; pages are rebuilt by npm start.
livereload false
