// Prelude of the site's search worker. hooks/search_lang.py writes one worker per language:
// this prelude, with LANG filled in, followed by Material's own search worker, unchanged.
//
// 1. A language's pages only. mkdocs-static-i18n writes one index for both languages, so a
//    search on /en/ listed Chinese pages and the other way round. The index's documents are
//    filtered by location before Material builds its lunr index from them.
// 2. English words found in any form. The index pipeline stems every word ("validity" ->
//    "valid"), but Material adds a trailing wildcard to each query term and lunr runs no
//    pipeline on a wildcard term, so "validity*" was looked up against stems and found
//    nothing. The index now keeps each word as written next to its stem (a word being typed
//    still matches as a prefix), and a query term is stemmed before its wildcard is applied
//    (a whole word matches every form: "reloads", "reloading" -> "reload*").
// Listeners run in the order they were added: this one sees the setup message first.
(() => {
  const LANG = { prefix: "", others: [] }; // LANG: filled in at build time

  const ours = (doc) =>
    doc.location.startsWith(LANG.prefix) &&
    !LANG.others.some((prefix) => doc.location.startsWith(prefix));

  function stemQueries(lunr) {
    const porter = lunr.stemmer;
    const stem = (word) => porter(new lunr.Token(word, {})).toString();

    const asWrittenAndStemmed = (token) => {
      const stemmed = porter(token.clone());
      return stemmed.toString() === token.toString() ? token : [token, stemmed];
    };
    asWrittenAndStemmed.label = "stemmer"; // lunr() adds lunr.stemmer to the pipeline by name
    lunr.stemmer = asWrittenAndStemmed;

    const parse = lunr.QueryParser.prototype.parse;
    lunr.QueryParser.prototype.parse = function parseStemmed() {
      const query = parse.call(this);
      for (const clause of query.clauses) {
        const word = /^([a-z]+)\*$/.exec(clause.term);
        if (word) clause.term = `${stem(word[1])}*`;
      }
      return query;
    };
  }

  let patched = false;
  addEventListener("message", (event) => {
    const data = event.data && event.data.data;
    if (!data || !Array.isArray(data.docs)) return; // not the setup message
    data.docs = data.docs.filter(ours);
    if (!patched) {
      stemQueries(self.lunr);
      patched = true;
    }
  });
})();
