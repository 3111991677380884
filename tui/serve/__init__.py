"""`cancel-order serve`: the app in every trainee's browser, one process per tab.

`command` parses the command line, `server` is the web server (textual-serve's `AppService`
runs one app process per browser websocket), `session` is what each process runs (a private
copy of the demo data, or the trainee's own file), `names` and `code` are the pure rules for
trainee names and the class code, `pages` the HTML pages asked before the app starts.
"""
