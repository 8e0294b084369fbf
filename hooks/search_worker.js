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
// 3. A typed question finds its page (issue 19). Material cuts a run of Chinese into pieces
//    that are tokens of the index and searches each piece as a prefix: a word the index does
//    not have ("出国") fell apart into single characters ("出*" found 出现), and the little
//    words of a question (我的, 还, 能, 吗) matched every page. The query is rewritten before
//    Material sees it: Chinese is cut into the longest words the index knows (the index was
//    cut by jieba at build time; Intl.Segmenter's cut is used for what the index does not
//    know), question words are dropped, a reader's word for one the site uses is replaced
//    by it (LANG.synonyms, hooks/search.py), digits are split from Chinese ("2月29日"), a
//    phone number becomes its prefix, and characters that are lunr's query syntax or
//    neither letters nor digits (emoji) are dropped, so no input makes the search fail.
//    A Chinese word is passed with U+2060 between its characters so that Material's own
//    cutting leaves it whole; the query parser removes U+2060 again.
// Listeners run in the order they were added: this one sees each message first.
(() => {
  const LANG = { prefix: "", others: [], stop: [], weak: [], synonyms: {} }; // LANG: filled in at build time

  const JOINER = "\u2060";
  const MAX_QUERY = 100; // characters of a query that are searched; a question is shorter
  const LONGEST_WORD = 8;
  const HAN = /\p{Script=Han}/u;
  const stop = new Set(LANG.stop);
  const weakWords = new Set(LANG.weak);
  let index = null; // the lunr index Material builds, for the words it knows

  const ours = (doc) =>
    doc.location.startsWith(LANG.prefix) &&
    !LANG.others.some((prefix) => doc.location.startsWith(prefix));

  const known = (word) => index !== null && word.toLowerCase() in index.invertedIndex;
  const synonym = (word) => LANG.synonyms[word.toLowerCase()];

  function segmenterWords(run) {
    if (typeof Intl === "undefined" || typeof Intl.Segmenter !== "function") return [run];
    const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    return Array.from(segmenter.segment(run), (part) => part.segment);
  }

  // The words of a run of Chinese: at each place the longest synonym or word of the index
  // (jieba's cut), else the word Intl.Segmenter sees there. Single characters are weak.
  function chineseWords(run) {
    const hints = new Map();
    let at = 0;
    for (const word of segmenterWords(run)) {
      hints.set(at, word);
      at += word.length;
    }
    const words = [];
    let i = 0;
    while (i < run.length) {
      let found = "";
      for (let j = Math.min(run.length, i + LONGEST_WORD); j > i + 1 && !found; j -= 1) {
        const piece = run.slice(i, j);
        if (synonym(piece) || known(piece)) found = piece;
      }
      if (!found) found = hints.get(i) || run[i];
      words.push(found);
      i += found.length;
    }
    return words;
  }

  // A phone number, as a reader types it, is found by its prefix: "0917 123 4567" -> "0917".
  function phonePrefix(query) {
    const match = /^(?:\+?63|0)(9\d\d)\d{7}$/.exec(query.replace(/[\s\-().]/g, ""));
    return match ? `0${match[1]}` : null;
  }

  // A number is found inside the index's tokens ("123" in "*123#", "0991" in "0991～0994");
  // a day of a date only as itself ("2月29日": 2 and 29, not 2018 or 214).
  function numbers(query) {
    const dates = [];
    const rest = query.replace(/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/gu, (_, month, day) => {
      dates.push(`${month}^1`, `${day}^1`);
      return " ";
    });
    return { dates, rest };
  }

  const numberTerm = (word) => {
    const digits = word.replace(/[*#]/g, "");
    return /[*#]/.test(word) || digits.length >= 3 ? `*${digits}` : digits;
  };

  function rewrite(raw) {
    const typed = String(raw).normalize("NFKC").slice(0, MAX_QUERY);
    const phone = phonePrefix(typed);
    if (phone) return `*${phone}`;
    const { dates, rest: query } = numbers(typed);
    // Letters, digits and the * and # of a USSD code; anything else separates words.
    const parts = query.match(/[\p{L}\p{N}*#]+/gu) || [];
    const strong = [];
    const weak = [];
    for (const part of parts) {
      // Digits, Latin words and runs of Chinese apart: "2月29日" -> 2, 月, 29, 日.
      for (const piece of part.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) || []) {
        if (/^[*#]*\d+[*#\d]*$/.test(piece)) {
          strong.push(numberTerm(piece));
          continue;
        }
        const words = HAN.test(piece) ? chineseWords(piece) : [piece.replace(/[*#]/g, "")];
        for (const word of words) {
          // A synonym may stand for several words: "迪拜" -> "迪拜 国外".
          for (const mapped of (synonym(word) || word).split(" ")) {
            const lower = mapped.toLowerCase();
            if (!mapped || stop.has(lower)) continue;
            const lone = HAN.test(mapped) && mapped.length < 2;
            (lone || weakWords.has(lower) ? weak : strong).push(mapped);
          }
        }
      }
    }
    // A lone character, or a word every page has (保号), is searched when nothing else is.
    const words = strong.length || dates.length ? strong : weak;
    return [...dates, ...words]
      .filter((word) => word)
      .map((word) => (HAN.test(word) ? Array.from(word).join(JOINER) : word))
      .join(" ");
  }

  function patchLunr(lunr) {
    const porter = lunr.stemmer;
    const stem = (word) => porter(new lunr.Token(word, {})).toString();

    const asWrittenAndStemmed = (token) => {
      const stemmed = porter(token.clone());
      return stemmed.toString() === token.toString() ? token : [token, stemmed];
    };
    asWrittenAndStemmed.label = "stemmer"; // lunr() adds lunr.stemmer to the pipeline by name
    lunr.stemmer = asWrittenAndStemmed;

    // Every word but the last was typed whole: it is looked up as itself (its stem), not as
    // a prefix. As a prefix, "reload*" matched both "reloaded" and its stem "reload", so a
    // title that said "reloaded" counted twice; "充值*" matched every 充值卡 as well.
    const parse = lunr.QueryParser.prototype.parse;
    lunr.QueryParser.prototype.parse = function parseStemmed() {
      const query = parse.call(this);
      query.clauses.forEach((clause, at) => {
        clause.term = clause.term.split(JOINER).join("");
        const whole = at < query.clauses.length - 1;
        const word = /^([a-z]+)\*$/.exec(clause.term);
        if (word) clause.term = whole ? stem(word[1]) : `${stem(word[1])}*`;
        const chinese = /^(\p{Script=Han}{2,})\*$/u.exec(clause.term);
        if (chinese && whole) [, clause.term] = chinese;
        if (clause.term.indexOf("*") === -1) clause.wildcard = lunr.Query.wildcard.NONE;
      });
      return query;
    };

    const build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function buildAndKeep() {
      index = build.call(this);
      return index;
    };
  }

  let patched = false;
  addEventListener("message", (event) => {
    const message = event.data;
    if (!message) return;
    if (typeof message.data === "string" && message.type === 2) {
      // Material's query message (type 2); the setup message carries the documents.
      message.data = rewrite(message.data);
      return;
    }
    const data = message.data;
    if (!data || !Array.isArray(data.docs)) return; // not the setup message
    data.docs = data.docs.filter(ours);
    if (!patched) {
      patchLunr(self.lunr);
      patched = true;
    }
  });
})();
