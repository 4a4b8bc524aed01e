// esbuild turns the CSS import into dist/webview/hits.css next to the bundle.
declare module '*.css';
