// How the search worker reads a typed question (issue 19). hooks/search_lang.py writes each
// language's worker: search_worker.js (beside this file), then this file with WORDS filled
// in, then Material's own worker, unchanged; this file's listeners run after the prelude's.
//
// Material cuts a run of Chinese into pieces that are tokens of the index and searches each
// piece as a prefix: a word the index does not have ("出国") fell apart into single
// characters ("出*" found 出现), and the little words of a question (我的, 还, 能, 吗) matched
// every page. The query is rewritten before Material sees it:
// - Chinese is cut into the longest words the index knows (jieba cut the index at build
//   time); Intl.Segmenter's cut is used for what the index does not know;
// - question words are dropped (WORDS.stop), words every page is about are kept only when
//   nothing else is typed (WORDS.weak), a reader's word for one the site uses is replaced by
//   it (WORDS.synonyms); all three are data in hooks/search.py;
// - digits are split from Chinese ("2月29日" -> the day 29, not 2018 or 214), a phone number
//   becomes its prefix, and a number is found inside a token ("123" in "*123#");
// - characters that are lunr's query syntax, or neither letters nor digits (emoji), are
//   dropped, so no input makes the search fail.
// A Chinese word is passed with U+2060 between its characters so that Material's own cutting
// leaves it whole; the query parser removes U+2060 again. Every word but the last was typed
// whole and is looked up as itself (its stem), not as a prefix: as a prefix, "reload*"
// matched both "reloaded" and its stem "reload" (the index holds both), so a title that said
// "reloaded" counted twice, and "充值*" matched every 充值卡 as well.
(() => {
  /** @type {{ stop: string[], weak: string[], synonyms: Record<string, string> }} */
  const WORDS = { stop: [], weak: [], synonyms: {} }; // WORDS: filled in at build time

  const JOINER = "\u2060";
  const MAX_QUERY = 100; // characters of a query that are searched; a question is shorter
  const LONGEST_WORD = 8;
  const HAN = /\p{Script=Han}/u;
  const stop = new Set(WORDS.stop);
  const weakWords = new Set(WORDS.weak);
  /** @type {{ invertedIndex: Record<string, unknown> } | null} */
  let index = null; // the lunr index Material builds, for the words it knows

  const known = (word) => index !== null && word.toLowerCase() in index.invertedIndex;
  const synonym = (word) => WORDS.synonyms[word.toLowerCase()];

  function segmenterWords(run) {
    if (typeof Intl === "undefined" || typeof Intl.Segmenter !== "function") return [run];
    const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    return Array.from(segmenter.segment(run), (part) => part.segment);
  }

  // The words of a run of Chinese: at each place the longest synonym or word of the index
  // (jieba's cut), else the word Intl.Segmenter sees there.
  function chineseWords(run) {
    const hints = new Map();
    let at = 0;
    for (const word of segmenterWords(run)) {
      hints.set(at, word);
      at += word.length;
    }
    /** @type {string[]} */
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

  // A day of a date only as itself ("2月29日": 2 and 29), with Material's ^1 (no wildcard).
  function dates(query) {
    /** @type {string[]} */
    const found = [];
    const rest = query.replace(/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/gu, (_, month, day) => {
      found.push(`${month}^1`, `${day}^1`);
      return " ";
    });
    return { found, rest };
  }

  // A number inside the index's tokens ("123" in "*123#", "0991" in "0991～0994").
  const numberTerm = (word) => {
    const digits = word.replace(/[*#]/g, "");
    return /[*#]/.test(word) || digits.length >= 3 ? `*${digits}` : digits;
  };

  function rewrite(raw) {
    const typed = String(raw).normalize("NFKC").slice(0, MAX_QUERY);
    const phone = phonePrefix(typed);
    if (phone) return `*${phone}`;
    const { found: days, rest } = dates(typed);
    /** @type {string[]} */
    const strong = [];
    /** @type {string[]} */
    const weak = [];
    // Letters, digits and the * and # of a USSD code; anything else separates words.
    for (const part of rest.match(/[\p{L}\p{N}*#]+/gu) || []) {
      // Digits, Latin words and runs of Chinese apart.
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
    const words = strong.length || days.length ? strong : weak;
    return [...days, ...words]
      .filter((word) => word)
      .map((word) => (HAN.test(word) ? Array.from(word).join(JOINER) : word))
      .join(" ");
  }

  function patchLunr(lunr) {
    const parse = lunr.QueryParser.prototype.parse; // the prelude's, which stems a word
    lunr.QueryParser.prototype.parse = function parseWholeWords() {
      const query = parse.call(this);
      query.clauses.forEach((clause, at) => {
        clause.term = clause.term.split(JOINER).join("");
        if (at === query.clauses.length - 1) return; // the word being typed
        const word = /^([a-z]+|\p{Script=Han}{2,})\*$/u.exec(clause.term);
        if (word) {
          [, clause.term] = word;
          clause.wildcard = lunr.Query.wildcard.NONE;
        }
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
    if (message.type === 2 && typeof message.data === "string") {
      message.data = rewrite(message.data); // Material's query message
      return;
    }
    if (!patched && message.data && Array.isArray(message.data.docs)) {
      patchLunr(self.lunr); // the setup message: after the prelude's patches
      patched = true;
    }
  });
})();
