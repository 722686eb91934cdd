"""XSS vectors and the structural checks every rendered page must pass.

A vector that executes sets `window.__xss` or calls alert(); the browser tests watch for both.
The HTML checks are structural (which elements, attributes and URL schemes a browser would see
after parsing), not a search for the word "alert": escaped text may keep it.
"""

import json
import re
from html.parser import HTMLParser

XSS_VECTORS = [
    # Script elements, in many spellings, and breaking out of a <script> (JSON-LD) or other raw-text
    # element the value may land in.
    "<script>alert(1)</script>",
    "<script>window.__xss=1</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
    "<<script>window.__xss=1;//<</script>",
    "<script/xss src=x>window.__xss=1</script>",
    "</script><script>alert(1)</script>",
    "</script><script>window.__xss=1</script>",
    "</ScRiPt><sCrIpT>window.__xss=1</sCrIpT>",
    "<!--<script>--><script>window.__xss=1</script>",
    "<script type=module>window.__xss=1</script>",
    "\"><script>window.__xss=1</script>",
    "'><script>window.__xss=1</script>",
    "</title><script>window.__xss=1</script>",
    "</textarea><script>window.__xss=1</script>",
    "</style><script>window.__xss=1</script>",
    "]]><script>window.__xss=1</script>",
    "<![CDATA[<script>window.__xss=1</script>]]>",
    "--><script>window.__xss=1</script>",
    "\u2028\u2029</script><script>window.__xss=1</script>",
    # Event handlers.
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=window.__xss=1>",
    "<IMG SRC=x OnErRoR=window.__xss=1>",
    "<img src=\"x\" onerror=\"window.__xss=1\">",
    "<img/src=x/onerror=window.__xss=1>",
    "<img src=x onerror=&#119;indow.__xss=1>",
    "<img src=x onerror=window.__xss=1//",
    "<img srcset=\",,,,,x\" onerror=window.__xss=1>",
    "<svg onload=window.__xss=1>",
    "\"><svg onload=window.__xss=1>",
    "'><svg onload=window.__xss=1>",
    "<svg/onload=alert(1)>",
    "<body onload=window.__xss=1>",
    "<details open ontoggle=window.__xss=1>",
    "<input autofocus onfocus=window.__xss=1>",
    "<input type=image src=x onerror=window.__xss=1>",
    "<select autofocus onfocus=window.__xss=1>",
    "<textarea autofocus onfocus=window.__xss=1>",
    "<video><source onerror=window.__xss=1></video>",
    "<audio src=x onerror=window.__xss=1>",
    "<marquee onstart=window.__xss=1>x</marquee>",
    "<div onpointerenter=window.__xss=1>x</div>",
    "<p onclick=\"alert(1)\">click</p>",
    "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">hover</a>",
    "<h2 id=x tabindex=1 onfocus=window.__xss=1 autofocus>t</h2>",
    "<iframe onload=window.__xss=1>",
    "<object data=x onerror=window.__xss=1>",
    "<style onload=window.__xss=1>",
    "<link rel=stylesheet href=x onerror=window.__xss=1>",
    "<img src=x:alert(alt) onerror=eval(src) alt=1>",
    "<x contenteditable onfocus=window.__xss=1 autofocus>x</x>",
    "<frameset onload=window.__xss=1>",
    "<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>",
    "<xss onafterscriptexecute=alert(1)><script>1</script>",
    "<isindex type=image src=1 onerror=window.__xss=1>",
    # Breaking out of an attribute value (meta content, alt, value, title).
    "\" onmouseover=\"alert(1)",
    "' onmouseover='alert(1)",
    "\" autofocus onfocus=\"window.__xss=1",
    "' autofocus onfocus='window.__xss=1",
    "\"/><img src=x onerror=window.__xss=1>",
    "x\" onerror=\"window.__xss=1\" y=\"",
    "` onmouseover=alert(1) `",
    "\" style=\"animation-name:x\" onanimationstart=\"window.__xss=1",
    "&quot; onfocus=&quot;window.__xss=1",
    "\\\" onfocus=\\\"window.__xss=1",
    # javascript:, data: and vbscript: URLs: plain, mixed case, entity- and whitespace-obfuscated.
    "javascript:alert(1)",
    "javascript:window.__xss=1",
    "JaVaScRiPt:alert(1)",
    "&#106;avascript:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss=1",
    "&#x6A;avascript:alert(1)",
    "java\tscript:alert(1)",
    "  javascript:alert(1)",
    "<a href=\"javascript:window.__xss=1\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\" &#14; javascript:alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
    "<iframe src=\"javascript:window.__xss=1\"></iframe>",
    "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<button formaction=\"javascript:alert(1)\">go</button>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<math href=\"javascript:alert(1)\">CLICK</math>",
    "[click](javascript:alert(1))",
    "[click](https://ok.example\"onmouseover=\"alert(1))",
    # Template injection (Django, Jinja, JS template literals, Angular, ERB, Ruby).
    "{{7*7}}",
    "{% debug %}",
    "{{ settings.SECRET_KEY }}",
    "${7*7}",
    "{{constructor.constructor('window.__xss=1')()}}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{{request.user.password}}",
    # NUL and control characters, look-alikes, pre-escaped and URL-encoded text.
    "<scr\x00ipt>alert(1)</scr\x00ipt>",
    "<img src=x one\x00rror=alert(1)>",
    "java\x00script:alert(1)",
    "\x0bjavascript:alert(1)",
    "<img src=x\x0bonerror=window.__xss=1>",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "<img src=x onerror=\\u0061lert(1)>",
    "%3Cscript%3Ewindow.__xss=1%3C/script%3E",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    # Mutation XSS and styles.
    "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=1>\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    "<svg><style><img src=x onerror=window.__xss=1></style></svg>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<template><script>window.__xss=1</script></template>",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
]

assert len(XSS_VECTORS) >= 100, len(XSS_VECTORS)
assert len(set(XSS_VECTORS)) == len(XSS_VECTORS), "duplicate vector"


def has_nul(vector):
    return "\x00" in vector


# ------------------------------------------------------------------------------------------------
# What a served page may contain.

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "cite", "data", "poster", "background",
                  "srcdoc", "lowsrc", "dynsrc", "codebase", "srcset", "ping"}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "math", "base", "isindex",
                      "xss", "marquee", "video", "audio", "template", "noscript"}
# Script types that are data, not code.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.IGNORECASE)


def _same_origin_path(url):
    """The site's own scripts come from its own paths (/static/..., /admin/jsi18n/)."""
    url = _browser_url(url)
    return url.startswith("/") and not url.startswith(("//", "/\\"))


def _browser_url(value):
    """An attribute URL as a browser reads it: ASCII whitespace and control characters ignored."""
    return re.sub(r"[\x00-\x20]+", "", value or "")


class PageAudit(HTMLParser):
    """Collects every way a parsed page could run script that the site did not put there."""

    def __init__(self, *, allow_inline_styles=False):
        super().__init__(convert_charrefs=True)
        self.allow_inline_styles = allow_inline_styles
        self.problems = []
        self.json_blocks = []
        self._script = None
        self._script_text = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        attrs_dict = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has event handler {name}={value!r}")
            url = _browser_url(value) if name in URL_ATTRIBUTES else ""
            if _DANGEROUS_SCHEME.match(url) and not (tag == "img" and url.lower().startswith("data:image/")):
                self.problems.append(f"<{tag}> {name} has a script URL: {value!r}")
            if name == "style" and not self.allow_inline_styles:
                self.problems.append(f"<{tag}> has an inline style on a public page: {value!r}")
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(f"unexpected <{tag}> element: {attrs!r}")
        if tag == "meta" and (attrs_dict.get("http-equiv") or "").lower() == "refresh":
            self.problems.append(f"<meta http-equiv=refresh>: {attrs!r}")
        if tag == "img" and _browser_url(attrs_dict.get("src", "")) in ("x", "1", ""):
            self.problems.append(f"injected <img>: {attrs!r}")
        if tag == "style" and not self.allow_inline_styles:
            self.problems.append("<style> element on a public page")
        if tag == "script":
            kind = (attrs_dict.get("type") or "").lower()
            src = attrs_dict.get("src")
            if kind in DATA_SCRIPT_TYPES and not src:
                self._script = kind
                self._script_text = []
            elif src and _same_origin_path(src) and kind in ("", "text/javascript", "module"):
                self._script = "src"
            else:
                self.problems.append(f"<script> the site did not write: {attrs!r}")
                self._script = "bad"

    def handle_data(self, data):
        if self._script in DATA_SCRIPT_TYPES:
            self._script_text.append(data)
        elif self._script == "src" and data.strip():
            self.problems.append(f"<script src> with inline code: {data[:80]!r}")

    def handle_endtag(self, tag):
        if tag == "script" and self._script:
            if self._script in DATA_SCRIPT_TYPES:
                text = "".join(self._script_text)
                try:
                    self.json_blocks.append(json.loads(text))
                except ValueError as exc:
                    self.problems.append(f"a {self._script} block is not valid JSON ({exc}): {text[:120]!r}")
            self._script = None


def audit_html(html, *, admin=False):
    """Problems found in a served page (empty list: nothing a vector could run)."""
    if isinstance(html, bytes):
        html = html.decode()
    audit = PageAudit(allow_inline_styles=admin)
    audit.feed(html)
    audit.close()
    return audit.problems
