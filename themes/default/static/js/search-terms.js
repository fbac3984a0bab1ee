// The terms of a search query, made exactly as gen made the terms of the
// index (generator/internal/search, analyze.go): characters folded, words
// and runs of Chinese or Japanese characters split apart, words stemmed
// with the Snowball Russian and English (Porter2) stemmers. The stemmers
// are ports of github.com/kljensen/snowball, which gen builds with; a test
// (generator/internal/search) runs this file in Chromium and compares its
// stems with the Go library's, word for word.
(function () {
  "use strict";

  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const WORD = /[\p{L}\p{N}\p{M}]/u;
  const LATIN = /\p{Script=Latin}/u;
  const MAX_WORD = 40;

  // fold is one character as the index compares it: lower case, ё as е,
  // full-width ASCII as ASCII, typographic apostrophes as '.
  function fold(c) {
    const r = c.codePointAt(0);
    if (r === 0x451 || r === 0x401) return "е";
    if (r === 0x2019 || r === 0x2018) return "'";
    if (r >= 0xff01 && r <= 0xff5e) return fold(String.fromCodePoint(r - 0xff01 + 0x21));
    return c.toLowerCase();
  }

  const isCJK = (c) => CJK.test(c);
  const isWord = (c) => WORD.test(c) && !isCJK(c);

  // scan splits text into tokens {word} or {cjk}, each with its folded
  // text and its [start, end) in text (UTF-16 offsets).
  function scan(text) {
    const chars = Array.from(text);
    const out = [];
    let cur = null, offset = 0;
    const flush = () => {
      if (cur && (cur.cjk || cur.n <= MAX_WORD)) out.push(cur);
      cur = null;
    };
    for (let i = 0; i < chars.length; i++) {
      const raw = chars[i], c = fold(raw), start = offset;
      offset += raw.length;
      if (isCJK(c)) {
        if (!cur || !cur.cjk) { flush(); cur = { cjk: true, text: "", start, end: start, n: 0 }; }
      } else if (isWord(c)) {
        if (!cur || cur.cjk) { flush(); cur = { cjk: false, text: "", start, end: start, n: 0 }; }
      } else if (c === "'" && cur && !cur.cjk && i + 1 < chars.length && isWord(fold(chars[i + 1]))) {
        // an apostrophe inside a word stays in it
      } else {
        flush();
        continue;
      }
      cur.text += c;
      cur.end = offset;
      cur.n++;
    }
    flush();
    return out;
  }

  // Snowball words: an array of characters with the regions R1, R2, RV.
  function Word(s) {
    this.rs = Array.from(s);
    this.r1 = this.r2 = this.rv = this.rs.length;
  }
  Word.prototype.clamp = function () {
    const n = this.rs.length;
    if (this.r1 > n) this.r1 = n;
    if (this.r2 > n) this.r2 = n;
    if (this.rv > n) this.rv = n;
  };
  Word.prototype.removeLast = function (n) {
    this.rs.length -= n;
    this.clamp();
  };
  Word.prototype.replaceSuffix = function (suffix, repl) {
    this.rs.length -= Array.from(suffix).length;
    this.rs.push(...Array.from(repl));
    this.clamp();
  };
  // hasSuffixIn: the characters in [start, end) end with suffix.
  Word.prototype.hasSuffixIn = function (start, end, suffix) {
    const s = Array.from(suffix);
    if (s.length > end - start) return false;
    for (let i = 0; i < s.length; i++) {
      if (this.rs[end - i - 1] !== s[s.length - i - 1]) return false;
    }
    return true;
  };
  // firstSuffixIn: the first of suffixes that lies within [start, end).
  Word.prototype.firstSuffixIn = function (start, end, suffixes) {
    for (const s of suffixes) if (this.hasSuffixIn(start, end, s)) return s;
    return "";
  };
  Word.prototype.removeFirstSuffixIn = function (start, suffixes) {
    const s = this.firstSuffixIn(start, this.rs.length, suffixes);
    if (s) this.removeLast(Array.from(s).length);
    return s;
  };
  // firstSuffix: the first of suffixes the word ends with, anywhere.
  Word.prototype.firstSuffix = function (suffixes) {
    return this.firstSuffixIn(0, this.rs.length, suffixes);
  };
  Word.prototype.toString = function () { return this.rs.join(""); };

  // vnv is the index after the first vowel followed by a non-vowel at or
  // after start (R1, R2), or the length.
  function vnv(w, isVowel, start) {
    for (let j = start + 1; j < w.rs.length; j++) {
      if (isVowel(w.rs[j - 1]) && !isVowel(w.rs[j])) return j + 1;
    }
    return w.rs.length;
  }

  // Russian (kljensen/snowball/russian).
  const ruVowel = (c) => "аеиоуыэюя".includes(c);

  function ruPrecededByAR(w, n) {
    const i = w.rs.length - n - 1;
    return i >= w.rv && (w.rs[i] === "а" || w.rs[i] === "я");
  }

  function ruPerfectiveGerund(w) {
    let s = w.firstSuffixIn(w.rv, w.rs.length, ["ившись", "ывшись", "вшись", "ивши", "ывши", "вши", "ив", "ыв", "в"]);
    const n = Array.from(s).length;
    if ((s === "в" || s === "вши" || s === "вшись") && !ruPrecededByAR(w, n)) s = "";
    if (s) { w.removeLast(n); return true; }
    return false;
  }

  function ruAdjectival(w) {
    const s = w.removeFirstSuffixIn(w.rv, ["ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие",
      "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым",
      "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"]);
    if (!s) return false;
    let p = w.firstSuffixIn(w.rv, w.rs.length, ["ивш", "ывш", "ующ", "ем", "нн", "вш", "ющ", "щ"]);
    const n = Array.from(p).length;
    if (["ем", "нн", "вш", "ющ", "щ"].includes(p) && !ruPrecededByAR(w, n)) p = "";
    if (p) w.removeLast(n);
    return true;
  }

  function ruVerb(w) {
    let s = w.firstSuffixIn(w.rv, w.rs.length, ["уйте", "ейте", "ыть", "ыло", "ыли", "ыла", "уют", "ует",
      "нно", "йте", "ишь", "ить", "ите", "ило", "или", "ила",
      "ешь", "ете", "ены", "ено", "ена", "ят", "ют", "ыт", "ым",
      "ыл", "ую", "уй", "ть", "ны", "но", "на", "ло", "ли", "ла",
      "ит", "им", "ил", "ет", "ен", "ем", "ей", "ю", "н", "л", "й"]);
    const n = Array.from(s).length;
    if (["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"].includes(s) &&
      !ruPrecededByAR(w, n)) s = "";
    if (s) { w.removeLast(n); return true; }
    return false;
  }

  function ruStep1(w) {
    if (ruPerfectiveGerund(w)) return;
    w.removeFirstSuffixIn(w.rv, ["ся", "сь"]);
    if (ruAdjectival(w) || ruVerb(w)) return;
    w.removeFirstSuffixIn(w.rv, ["иями", "ями", "иях", "иям", "ием", "ией", "ами", "ях",
      "ям", "ья", "ью", "ье", "ом", "ой", "ов", "ия", "ию",
      "ий", "ии", "ие", "ем", "ей", "еи", "ев", "ах", "ам",
      "я", "ю", "ь", "ы", "у", "о", "й", "и", "е", "а"]);
  }

  function russian(word) {
    const w = new Word(word);
    if (w.rs.length <= 2) return word;
    w.r1 = vnv(w, ruVowel, 0);
    w.r2 = vnv(w, ruVowel, w.r1);
    w.rv = w.rs.length;
    for (let i = 0; i < w.rs.length; i++) {
      if (ruVowel(w.rs[i])) { w.rv = i + 1; break; }
    }
    ruStep1(w);
    w.removeFirstSuffixIn(w.rv, ["и"]);
    w.removeFirstSuffixIn(w.r2, ["ост", "ость"]);
    if (w.hasSuffixIn(0, w.rs.length, "нн")) {
      w.removeLast(1);
    } else if (w.removeFirstSuffixIn(0, ["ейше", "ейш"])) {
      if (w.hasSuffixIn(0, w.rs.length, "нн")) w.removeLast(1);
    } else if (w.rs[w.rs.length - 1] === "ь") {
      w.removeLast(1);
    }
    return w.toString();
  }

  // English, Porter2 (kljensen/snowball/english).
  const enVowel = (c) => "aeiouy".includes(c);

  const enSpecial = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl",
    gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky",
    news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes",
    inning: "inning", innings: "inning", outing: "outing", outings: "outing", canning: "canning",
    cannings: "canning", herring: "herring", herrings: "herring", earring: "earring",
    earrings: "earring", proceed: "proceed", proceeds: "proceed", proceeded: "proceed",
    proceeding: "proceed", exceed: "exceed", exceeds: "exceed", exceeded: "exceed",
    exceeding: "exceed", succeed: "succeed", succeeds: "succeed", succeeded: "succeed",
    succeeding: "succeed",
  };

  function enEndsShortSyllable(w, i) {
    const rs = w.rs;
    if (i === 2) return enVowel(rs[0]) && !enVowel(rs[1]);
    if (i >= 3) {
      const s1 = rs[i - 1], s2 = rs[i - 2], s3 = rs[i - 3];
      return !enVowel(s1) && s1 !== "w" && s1 !== "x" && s1 !== "Y" && enVowel(s2) && !enVowel(s3);
    }
    return false;
  }

  const enIsShort = (w) => w.r1 >= w.rs.length && enEndsShortSyllable(w, w.rs.length);

  function enStep1a(w) {
    const s = w.firstSuffix(["sses", "ied", "ies", "us", "ss", "s"]);
    if (s === "sses") w.replaceSuffix(s, "ss");
    else if (s === "ies" || s === "ied") w.replaceSuffix(s, w.rs.length > 4 ? "i" : "ie");
    else if (s === "s") {
      for (let i = 0; i < w.rs.length - 2; i++) {
        if (enVowel(w.rs[i])) { w.removeLast(1); return; }
      }
    }
  }

  function enStep1b(w) {
    const s = w.firstSuffix(["eedly", "ingly", "edly", "ing", "eed", "ed"]);
    const n = s.length;
    if (s === "eed" || s === "eedly") {
      if (n <= w.rs.length - w.r1) w.replaceSuffix(s, "ee");
      return;
    }
    if (!s) return;
    let vowel = false;
    for (let i = 0; i < w.rs.length - n; i++) if (enVowel(w.rs[i])) { vowel = true; break; }
    if (!vowel) return;
    const r1 = w.r1, r2 = w.r2;
    w.removeLast(n);
    const t = w.firstSuffix(["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
    if (t === "") {
      if (enIsShort(w)) {
        w.rs.push("e");
        w.r1 = w.r2 = w.rs.length;
        return;
      }
    } else if (t === "at" || t === "bl" || t === "iz") {
      w.replaceSuffix(t, t + "e");
    } else {
      w.removeLast(1);
    }
    w.r1 = Math.min(r1, w.rs.length);
    w.r2 = Math.min(r2, w.rs.length);
  }

  const enStep2Repl = {
    tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize",
    ization: "ize", ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al",
    alli: "al", fulness: "ful", ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive",
    biliti: "ble", bli: "ble", fulli: "ful", lessli: "less",
  };

  function enStep2(w) {
    const s = w.firstSuffix(["ational", "fulness", "iveness", "ization", "ousness",
      "biliti", "lessli", "tional", "alism", "aliti", "ation",
      "entli", "fulli", "iviti", "ousli", "anci", "abli",
      "alli", "ator", "enci", "izer", "bli", "ogi", "li"]);
    const n = w.rs.length;
    if (!s || s.length > n - w.r1) return;
    if (s === "li") {
      if (n >= 3 && "cdeghkmnrt".includes(w.rs[n - 3])) w.removeLast(2);
      return;
    }
    if (s === "ogi") {
      if (n >= 4 && w.rs[n - 4] === "l") w.replaceSuffix(s, "og");
      return;
    }
    w.replaceSuffix(s, enStep2Repl[s]);
  }

  const enStep3Repl = { ational: "ate", tional: "tion", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "" };

  function enStep3(w) {
    const s = w.firstSuffix(["ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness"]);
    if (!s || s.length > w.rs.length - w.r1) return;
    if (s === "ative") {
      if (w.rs.length - w.r2 >= 5) w.removeLast(5);
      return;
    }
    w.replaceSuffix(s, enStep3Repl[s]);
  }

  function enStep4(w) {
    const s = w.firstSuffix(["ement", "ance", "ence", "able", "ible", "ment",
      "ent", "ant", "ism", "ate", "iti", "ous", "ive",
      "ize", "ion", "al", "er", "ic"]);
    const n = w.rs.length;
    if (!s || s.length > n - w.r2) return;
    if (s === "ion") {
      if (n >= 4 && (w.rs[n - 4] === "s" || w.rs[n - 4] === "t")) w.removeLast(3);
      return;
    }
    w.removeLast(s.length);
  }

  function enStep5(w) {
    const last = w.rs.length - 1;
    if (w.r1 > last) return;
    if (w.rs[last] === "e") {
      if (w.r2 <= last || !enEndsShortSyllable(w, last)) w.removeLast(1);
    } else if (w.r2 <= last && w.rs[last] === "l" && last >= 1 && w.rs[last - 1] === "l") {
      w.removeLast(1);
    }
  }

  function english(word) {
    if (new TextEncoder().encode(word).length <= 2) return word;
    if (Object.hasOwn(enSpecial, word)) return enSpecial[word];
    const w = new Word(word);
    let k = 0;
    while (k < w.rs.length && w.rs[k] === "'") k++;
    w.rs.splice(0, k);
    for (let i = 0; i < w.rs.length; i++) {
      if (w.rs[i] === "y" && (i === 0 || enVowel(w.rs[i - 1]))) w.rs[i] = "Y";
    }
    const pre = ["gener", "commun", "arsen"].find((p) => w.rs.length >= p.length && w.rs.slice(0, p.length).join("") === p);
    w.r1 = pre ? pre.length : vnv(w, enVowel, 0);
    w.r2 = vnv(w, enVowel, w.r1);
    const s0 = w.firstSuffix(["'s'", "'s", "'"]);
    if (s0) w.removeLast(s0.length);
    enStep1a(w);
    enStep1b(w);
    const n = w.rs.length;
    if (n > 2 && (w.rs[n - 1] === "y" || w.rs[n - 1] === "Y") && !enVowel(w.rs[n - 2])) w.rs[n - 1] = "i";
    enStep2(w);
    enStep3(w);
    enStep4(w);
    enStep5(w);
    return w.toString().replaceAll("Y", "y");
  }

  // stem is the term of a folded word: Russian for a word with a Cyrillic
  // letter, English for one with a Latin letter, else the word itself.
  function stem(word) {
    let latin = false;
    for (const c of word) {
      const r = c.codePointAt(0);
      if (r >= 0x400 && r <= 0x52f) return russian(word);
      if ((r >= 0x61 && r <= 0x7a) || (r >= 0x80 && LATIN.test(c))) latin = true;
    }
    return latin ? english(word) : word;
  }

  window.genSearchTerms = { fold, scan, stem, russian, english };
})();
