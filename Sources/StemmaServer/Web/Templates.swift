/// The web pages' Mustache templates, compiled into the binary so the server reads no file.
///
/// Every template starts with the `STEMMA_HTML` content type (see ``ScalarHTMLEscaping``);
/// `{{{…}}}` is used only for HTML the writers built and escaped already.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "home": home, "matches": matches, "families": families, "document": document, "error": error,
        "changes": changes,
    ]

    static let layout = """
    {{% CONTENT_TYPE: STEMMA_HTML }}<!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · Stemma</title>
    <link rel="stylesheet" href="/assets/stemma.css">
    {{#stylesheets}}<link rel="stylesheet" href="/assets/{{.}}">
    {{/stylesheets}}</head>
    <body>
    <nav class="site"><a class="brand" href="/">Stemma</a><a href="/">Search</a><a href="/families">Families</a><a href="/changes">Changes</a></nav>
    <main>
    {{{content}}}
    </main>
    </body>
    </html>

    """

    static let home = """
    {{% CONTENT_TYPE: STEMMA_HTML }}<h1>Where else does this text appear, and what changed?</h1>
    <p class="lead">The index holds {{documents}} documents in {{versions}} versions. Paste a text or upload a file to find its versions and copies.</p>
    <form class="search" method="post" action="/match" enctype="multipart/form-data">
    <label for="text">Text</label>
    <textarea id="text" name="text" rows="14" placeholder="Paste an article…"></textarea>
    <label for="file">or a UTF-8 text file, or a web page (its article is searched for)</label>
    <input id="file" type="file" name="file" accept=".txt,.html,.htm,.xhtml,text/plain,text/html">
    <p class="limit"><label for="limit">At most</label> <input id="limit" type="number" name="limit" value="20" min="1" max="{{maxLimit}}"> matches</p>
    <p><button type="submit">Find versions and copies</button></p>
    </form>

    """

    /// The pasted text goes back in a hidden textarea, so that each "Compare" button posts it
    /// with the match it names: no JavaScript and no server-side session.
    static let matches = """
    {{% CONTENT_TYPE: STEMMA_HTML }}<h1>{{heading}}</h1>
    <p class="lead">{{summary}}</p>
    {{#hasMatches}}
    <form method="post" action="/compare">
    <textarea name="text" hidden>
    {{text}}</textarea>
    <table class="list">
    <thead><tr><th>Document</th><th>Date</th><th class="num">Jaccard</th><th class="num">Your text found in it</th><th class="num">It found in your text</th><th>What changed</th><th></th></tr></thead>
    <tbody>
    {{#matches}}<tr><td><a href="/document?id={{idQuery}}&amp;version={{version}}">{{id}}</a> <span class="muted">v{{version}}</span>{{#title}}<br><span class="title">{{title}}</span>{{/title}}</td>
    <td>{{date}}</td><td class="num"><meter min="0" max="1" value="{{jaccard}}"></meter> {{jaccard}}</td><td class="num">{{containsQuery}}</td><td class="num">{{containedIn}}</td><td class="changes">{{changes}}</td>
    <td><button name="target" value="{{target}}">Compare</button></td></tr>
    {{/matches}}</tbody>
    </table>
    </form>
    {{/hasMatches}}
    <p><a href="/">Search another text</a></p>

    """

    static let families = """
    {{% CONTENT_TYPE: STEMMA_HTML }}<h1>Families</h1>
    <p class="lead">{{summary}}</p>
    {{{navigation}}}<table class="list">
    <thead><tr><th class="num">Size</th><th>Members</th><th>Dates</th><th></th></tr></thead>
    <tbody>
    {{#families}}<tr><td class="num">{{size}}</td><td>{{#members}}<a href="/document?id={{idQuery}}">{{id}}</a>{{^last}}, {{/last}}{{/members}}</td><td>{{span}}</td><td><a href="/history?id={{familyQuery}}">history</a></td></tr>
    {{/families}}</tbody>
    </table>
    {{{navigation}}}
    """

    /// Each diff table is built and escaped by ``HTMLDiffWriter``; everything else is escaped here.
    static let changes = """
    {{% CONTENT_TYPE: STEMMA_HTML }}<h1>Recent changes</h1>
    <p class="lead">{{summary}}</p>
    <p class="muted"><a href="{{toggleLink}}">{{toggleLabel}}</a> · <a href="{{feedLink}}" type="application/atom+xml">Atom feed</a></p>
    {{{navigation}}}{{#changes}}<article class="change">
    <h2><a href="{{historyLink}}">{{title}}</a> <span class="muted">v{{oldVersion}} → v{{version}}{{#minor}} · minor{{/minor}}</span></h2>
    <p class="meta">{{#url}}<span class="url">{{url}}</span> · {{/url}}{{when}} · <a href="{{diffLink}}">diff</a></p>
    <p class="summary">{{summary}}</p>
    {{#hasTable}}{{{table}}}{{/hasTable}}
    </article>
    {{/changes}}{{{navigation}}}
    """

    static let document = """
    {{% CONTENT_TYPE: STEMMA_HTML }}<h1>{{id}} <span class="muted">version {{version}} of {{latestVersion}}</span></h1>
    <dl class="meta">
    {{#title}}<dt>Title</dt><dd>{{title}}</dd>{{/title}}
    {{#date}}<dt>Date</dt><dd>{{date}}</dd>{{/date}}
    {{#source}}<dt>Source</dt><dd>{{source}}</dd>{{/source}}
    {{#url}}<dt>URL</dt><dd>{{url}}</dd>{{/url}}
    <dt>Size</dt><dd>{{bytes}} bytes</dd>
    <dt>Family</dt><dd><a href="/history?id={{familyQuery}}">{{family}}</a></dd>
    <dt>Versions</dt><dd>{{#versions}}<a href="/document?id={{idQuery}}&amp;version={{.}}">{{.}}</a> {{/versions}}</dd>
    </dl>
    {{#hasText}}<pre class="text">{{text}}</pre>{{/hasText}}
    {{^hasText}}<p class="muted">The index keeps no text for this document (it was added with --no-text).</p>{{/hasText}}

    """

    static let error = """
    {{% CONTENT_TYPE: STEMMA_HTML }}<h1>{{status}}</h1>
    <p class="error">{{message}}</p>
    <p><a href="/">Back to the search</a></p>

    """
}
