/// BrowserCore placeholder.
