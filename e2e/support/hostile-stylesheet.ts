/**
 * What a careless or hostile host page ships, as one global stylesheet: a reset that unsets every
 * property of every element (The New CSS Reset's `all: unset`), universal rules of the kind pages
 * carry by accident, pseudo-element content, a tiny root font size, and the bare-element rules of
 * Bootstrap's Reboot and Tailwind's Preflight. The one `!important` rule is Preflight's own
 * `[hidden]`; Atrium's README names `!important` on bare elements as the limit of its isolation.
 */
export const HOSTILE_STYLESHEET = `
*:where(:not(html, iframe, canvas, img, svg, video, audio):not(svg *, symbol *)) { all: unset; display: revert; }
*, *::before, *::after { box-sizing: content-box; }
* { color: #ff00ff; font-family: "Comic Sans MS", cursive; font-size: 22px; line-height: 3; letter-spacing: 3px;
    word-spacing: 9px; text-transform: uppercase; text-align: right; text-decoration: underline;
    text-shadow: 2px 2px red; border: 3px dashed lime; margin: 11px; padding: 7px; }
*::before, *::after { content: "★"; color: red; }
html { font-size: 8px; }
body { font-weight: 900; font-style: italic; cursor: crosshair; background: yellow; }
h1, h2, h3, h4, h5, h6 { margin-top: 0; margin-bottom: 0.5rem; font-weight: 500; line-height: 1.2; font-size: inherit; }
p, dl { margin-top: 0; margin-bottom: 1rem; }
ol, ul { list-style: none; margin: 0; padding: 0; }
button, input, optgroup, select, textarea { margin: 0; font-family: inherit; font-size: inherit; line-height: inherit;
    color: inherit; }
button, [type='button'], [type='reset'], [type='submit'] { -webkit-appearance: button; background-color: transparent;
    background-image: none; text-transform: lowercase; }
button:not(:disabled), [type='button']:not(:disabled), [type='submit']:not(:disabled) { cursor: wait; }
input, select, textarea { width: 20px; height: 80px; outline: 5px solid red; background: black; }
input::placeholder, textarea::placeholder { opacity: 1; color: #9ca3af; }
img, svg { display: block; vertical-align: middle; }
table { caption-side: bottom; border-collapse: collapse; text-indent: 30px; }
th { text-align: inherit; }
label { display: inline-block; margin-bottom: 0.5rem; }
dialog { position: static; padding: 0; }
[hidden]:where(:not([hidden='until-found'])) { display: none !important; }
:focus, :focus-visible { outline: none; }
`;
