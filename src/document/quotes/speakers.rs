//! Who said a quote: the clauses around a quote that name its speaker.

use std::ops::Range;

use super::clauses::*;
use super::model::*;
use super::people::*;
use super::words::*;

pub(super) struct Context<'a> {
    pub(super) text: &'a str,
    pub(super) para: Range<usize>,
    pub(super) pairs: &'a [Range<usize>],
    pub(super) attrs: &'a [Attribution],
    pub(super) people: &'a People,
    /// The paragraph before this one that holds words.
    pub(super) prev: Option<Range<usize>>,
}

/// Whether `clause` brings a new person in (`一个丫头`, `众人`; not `一个个`, each of them).
fn brings_someone(clause: &str) -> bool {
    NEW_PERSON.iter().any(|w| clause.match_indices(w).any(|(i, _)| !clause[i..].starts_with("一个个")))
}

/// Whether `clause` mentions seeing or hearing something other than what was just said
/// (`见他来`, `听得`), after which the subject may change; `见了`, `见说` keep it.
fn sees_someone(clause: &str) -> bool {
    ["听得", "聽得"].iter().any(|w| {
        clause.match_indices(w).any(|(i, _)| {
            let seen = &clause[i + w.len()..];
            !seen.is_empty() && !seen.starts_with(['了', '说', '說', '状', '狀', '此', '这', '這', '言'])
        })
    })
}

/// Whether `clause` is a predicate without a subject: it opens with a verb or adverb,
/// brings no one new in, sees no one, and names no one but as an object (`指定悟空`).
fn predicate(people: &People, clause: &str) -> bool {
    let mut clause = clause;
    while let Some(w) = MODIFIER_WORDS.iter().find(|w| clause.starts_with(*w) && clause.len() > w.len()) {
        clause = &clause[w.len()..];
    }
    clause.chars().next().is_some_and(|c| PREDICATE_STARTS.contains(c))
        && chars(clause) <= 16
        && !brings_someone(clause)
        && !sees_someone(clause)
        && !clause.char_indices().any(|(i, _)| {
            people.name_at(&clause[i..]).is_some()
                && !clause[..i].chars().next_back().is_some_and(|c| OBJECT_MARKS.contains(c))
        })
}

/// Whether an attribution's subject is someone not named yet (`一人挺身出`, `一大臣`).
fn introduces_someone(clause: &str) -> bool {
    clause.match_indices('一').any(|(i, _)| {
        let next = clause[i + '一'.len_utf8()..].chars().take(2).collect::<String>();
        ["人", "大臣", "将", "將", "员", "員", "官", "汉", "漢", "老人"].iter().any(|w| next.starts_with(w))
    })
}

impl Context<'_> {
    pub(super) fn char_before(&self, at: usize) -> Option<char> {
        self.text[self.para.start..at].chars().next_back()
    }

    pub(super) fn char_after(&self, at: usize) -> Option<char> {
        self.text[at..self.para.end].chars().next()
    }

    /// Start of the clause ending at `at` (after the last mark or quote).
    pub(super) fn clause_start(&self, at: usize) -> usize {
        self.text[self.para.start..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_clause_end(c))
            .map_or(self.para.start, |(i, c)| self.para.start + i + c.len_utf8())
    }

    /// Start of the sentence holding `at` (after `。！？` or a closing mark).
    pub(super) fn sentence_start(&self, at: usize, at_closing: bool) -> usize {
        self.text[self.para.start..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_sentence_end(c) || (at_closing && is_close(c)))
            .map_or(self.para.start, |(i, c)| self.para.start + i + c.len_utf8())
    }

    /// The subject of a clause with no subject of its own (`忙笑道`), from the clauses
    /// before it in its sentence: `宝玉听了，忙笑道` → 宝玉.
    /// `continues`: the clause opens with an adverb that keeps the subject (`便说道`), so an
    /// earlier clause that sees someone (`王都尉见端王心爱，便说道`) still gives it.
    pub(super) fn subject_further_back(&self, clause_start: usize, continues: bool) -> Option<Who> {
        let stop = self.sentence_start(clause_start, true);
        let mut end = clause_start;
        for _ in 0..8 {
            // Step over the mark ending the earlier clause.
            let mark = self.text[stop..end].chars().next_back()?;
            if !matches!(mark, ',' | '，' | ';' | '；' | ':' | '：') {
                return None;
            }
            end -= mark.len_utf8();
            let start = self.clause_start(end).max(stop);
            let clause = strip_leads(&self.text[start..end]);
            if sees_someone(clause) && !continues {
                return None;
            }
            for p in ["他们", "她们", "他", "她"] {
                if clause.starts_with(p) {
                    return Some(Who::Pronoun(p.starts_with('她')));
                }
            }
            if let Some((n, rest)) = self.people.opening_name(clause) {
                // `张让等知事急，慌入告何后曰`: the first of a group leads it.
                let joined = rest.chars().next().is_some_and(|c| "的和与與及同、们們之家".contains(c));
                return (!joined).then(|| Who::Name(n.to_string(), None));
            }
            // A surname and a name before an adverbial (`高殿帅大怒`).
            if let Some(w @ Who::Name(_, None)) = self.people.titled_subject(clause) {
                return Some(w);
            }
            if let Some(n) = self.people.titled_opener(clause) {
                return Some(Who::Name(n.to_string(), None));
            }
            if brings_someone(clause) {
                return None;
            }
            // A clause naming someone else (not at its start) may be the subject's.
            let object = |i: usize| {
                clause[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| OBJECT_MARKS.contains(c) || "见見是".contains(c))
            };
            if clause.char_indices().any(|(i, _)| self.people.name_at(&clause[i..]).is_some() && !object(i)) {
                return None;
            }
            end = start;
        }
        None
    }

    /// `大众见了，鼓掌大笑。都道：`: an attribution that is a whole sentence of nothing but
    /// modifiers and a verb continues the sentence before it (ending in `。`, not in a
    /// quote), whose subject opens it.
    fn previous_sentence_subject(&self, stop: usize) -> Option<Who> {
        if !self.text[self.para.start..stop].ends_with('。') {
            return None;
        }
        let end = stop - '。'.len_utf8();
        let start = self.sentence_start(end, true);
        let sentence = &self.text[start..end];
        let clause = strip_leads(&sentence[..sentence.find(is_clause_end).unwrap_or(sentence.len())]);
        let (n, rest) = self.people.opening_name(clause)?;
        let joined = rest.chars().next().is_some_and(|c| JOINS_NAME.contains(c));
        (!joined).then(|| Who::Name(n.to_string(), None))
    }

    pub(super) fn subject_of(&self, a: &Attribution) -> Option<Who> {
        let clause = &self.text[a.clause_start..a.verb_start];
        if let Some(w) = self.addressed_with(a.clause_start) {
            return w;
        }
        if let Some(w) = super::roles::subject(self.people, clause) {
            return Some(w);
        }
        let bare = strip_leads(clause.trim());
        if let Some(w) = self.one_char_subject(a.clause_start, bare) {
            return Some(w);
        }
        if &self.text[a.verb_start..a.after] == "曰"
            && let Some(w) = super::roles::classical_subject(bare)
        {
            return Some(w);
        }
        let sentence = &self.text[self.sentence_start(a.clause_start, true)..a.clause_start];
        if only_modifiers(bare) || predicate(self.people, bare) || super::roles::own_poem(bare, sentence) {
            let continues = bare.starts_with(['便', '遂', '乃', '就', '即']);
            let opens = self.sentence_start(a.clause_start, true) == a.clause_start;
            let before = if opens && only_modifiers(bare) {
                self.previous_sentence_subject(a.clause_start)
            } else {
                None
            };
            before
                .or_else(|| self.subject_further_back(a.clause_start, continues))
                .or_else(|| self.continuation(a.clause_start))
        } else {
            None
        }
    }

    /// `靖曰`, `植谓玄德曰`: a one-character name stands for the full name last written
    /// before it (`邹靖`, `卢植`), a surname and that character.
    fn one_char_subject(&self, at: usize, bare: &str) -> Option<Who> {
        let mut it = bare.chars();
        let c = it.next().filter(|&c| is_han(c))?;
        // Modifiers may stand between the name and its verb (`帝怒谓陶曰`, `操大笑曰`).
        let rest = it.as_str().trim_start_matches(|m| MODIFIER_CHARS.contains(m));
        let addressed = rest.chars().next().is_some_and(|n| "谓謂问問对對向告叱视視顾顧奏入见見".contains(n))
            && chars(rest) <= 6;
        let role = ROLE_CHARS.contains(c);
        if !(rest.is_empty() || addressed)
            || (NOT_ONE_CHAR_NAMES.contains(c) && !role)
            || NOT_NAME_STARTS.contains(c)
            || GLUED.contains(c)
            || MODIFIER_CHARS.contains(c)
        {
            return None;
        }
        // The full name within the paragraph, or further back for a short name that
        // recurs as a subject.
        let from = if self.people.short.contains(&c) {
            self.text[..at].char_indices().rev().nth(2 * LOOKBACK).map_or(0, |(i, _)| i)
        } else {
            self.para.start
        };
        let window = &self.text[from..at];
        let written = window.char_indices().rev().filter(|&(_, x)| x == c).find_map(|(i, _)| {
            let before = &window[..i];
            let name = if let Some(d) = DOUBLE_SURNAMES.iter().find(|d| before.ends_with(*d)) {
                &window[i - d.len()..i + c.len_utf8()]
            } else {
                let s = before.chars().next_back().filter(|&s| SURNAMES.contains(s) && s != c)?;
                &window[i - s.len_utf8()..i + c.len_utf8()]
            };
            Some(Who::Name(name.to_string(), None))
        });
        // A short name that recurs as a subject, its full name written too far back: the
        // one known name it ends (`飞曰` → 张飞, when the text knows no other …飞).
        written.or_else(|| {
            if !self.people.short.contains(&c) {
                return None;
            }
            let mut full =
                self.people.names.iter().filter(|n| {
                    chars(n) <= 3 && n.ends_with(c) && surname_len(n).is_some_and(|l| l < n.len())
                });
            match (full.next(), full.next()) {
                (Some(one), None) => Some(Who::Name(one.clone(), None)),
                // `帝曰`: a role that recurs as a subject is how the text names its holder.
                (None, _) if role => Some(Who::Name(c.to_string(), None)),
                _ => None,
            }
        })
    }

    /// `宝玉道：“……”便对黛玉说道：`: a clause with no subject right after a quote
    /// continues the sentence of that quote's speaker.
    fn continuation(&self, clause_start: usize) -> Option<Who> {
        let prev = self.pairs.iter().rev().find(|p| p.end == clause_start)?;
        match self.before(prev) {
            Some(Some(w @ Who::Name(..))) => Some(w),
            _ => None,
        }
    }

    /// Who opens a clause: a pronoun, a known name (not joined to another word), or a
    /// person of the report after a title (`今年72岁的志愿者柏玉珍每周…`); `在他看来`.
    fn opener(&self, clause: &str) -> Option<Who> {
        let clause = strip_leads(clause.trim());
        let clause = clause
            .strip_prefix('在')
            .and_then(|c| c.strip_suffix("看来").or_else(|| c.strip_suffix("看來")))
            .unwrap_or(clause);
        for p in ["他", "她"] {
            if let Some(rest) = clause.strip_prefix(p) {
                let next = rest.chars().next();
                return next.is_none_or(|c| !"的们們人".contains(c)).then_some(Who::Pronoun(p == "她"));
            }
        }
        if let Some((n, rest)) = self.people.opening_name(clause) {
            // `祥子的脸通红，…：`: the person whose face or hands the clause shows.
            let joined =
                rest.chars().next().is_some_and(|c| JOINS_NAME.contains(c)) && !super::roles::own_body(rest);
            return (!joined).then(|| Who::Name(n.to_string(), None));
        }
        let mut found = clause.char_indices().filter_map(|(i, _)| {
            let n = self.people.name_at(&clause[i..])?;
            let title = title_chain(&clause[..i])?;
            self.people.titled.contains(n).then_some((n, title))
        });
        let (n, title) = found.next()?;
        let joined = clause[clause.find(n)? + n.len()..]
            .chars()
            .next()
            .is_some_and(|c| "的和与與及同、等们們".contains(c));
        (!joined && found.all(|(m, _)| m == n)).then(|| Who::Name(n.to_string(), Some(title)))
    }

    /// `她给记者算了一笔账：……，“……”。`: the person opening a sentence that leads, after
    /// a colon or a comma, into the quote.
    fn sentence_subject(&self, q: &Range<usize>) -> Option<Who> {
        let s = self.sentence_start(q.start, true);
        let before = &self.text[s..q.start];
        if !before.ends_with(['：', ':', '，', ','])
            || [
                "见", "見", "写", "寫", "刻", "印", "标", "標", "贴", "貼", "听", "聽", "问", "問", "读",
                "讀", "唱", "载", "載", "辑", "輯",
            ]
            .iter()
            .any(|w| before.contains(w))
        {
            return None;
        }
        let end = before.find(is_clause_end).unwrap_or(before.len());
        self.opener(&before[..end])
    }

    /// A paragraph that opens with the quote, after one ending in `：` or `——`: the
    /// person opening that paragraph's last sentence.
    fn previous_paragraph_subject(&self, q: &Range<usize>) -> Option<Who> {
        if q.start != self.para.start {
            return None;
        }
        let prev = self.text[self.prev.clone()?].trim_end();
        if !prev.ends_with(['：', ':', '—']) {
            return None;
        }
        let body = prev.trim_end_matches(['：', ':', '—']);
        if let Some(w) = super::roles::closing_attribution(self.people, prev) {
            return Some(w);
        }
        let last = body
            .rfind(|c| is_sentence_end(c) || is_close(c))
            .map_or(0, |i| i + body[i..].chars().next().map_or(0, char::len_utf8));
        let sentence = &body[last..];
        if ["见", "見", "写", "寫", "“", "「"].iter().any(|w| sentence.contains(w)) {
            return None;
        }
        let end = sentence.find(is_clause_end).unwrap_or(sentence.len());
        self.opener(&sentence[..end])
    }

    /// `陈海慈表示,“…”`, `宝玉笑道：“…”`: an attribution right before the opening mark.
    /// `Some(None)` when it has no subject the text supports.
    pub(super) fn before(&self, q: &Range<usize>) -> Option<Option<Who>> {
        let a = self.attrs.iter().find(|a| {
            (a.after == q.start && a.mark.is_some_and(is_open))
                || a.mark.is_some_and(|m| {
                    matches!(m, ',' | '，' | ':' | '：') && a.after + m.len_utf8() == q.start
                })
        })?;
        let verb = &self.text[a.verb_start..a.after];
        if a.after == q.start && chars(verb) == 1 && verb.chars().all(|c| NAMING_VERBS.contains(c)) {
            return None;
        }
        // `不好意思说“信”，`, `说“晚霞”人们不懂`: a verb right before a short word with no
        // punctuation, the sentence going on after it, names the word rather than saying it.
        if a.after == q.start && self.mentions_a_word(q) {
            return None;
        }
        let who = self.subject_of(a);
        if who.is_none() && introduces_someone(&self.text[a.clause_start..a.verb_start]) {
            return Some(self.named_after(q));
        }
        Some(who)
    }

    /// `朱武却与陈达，杨春说道`: a clause before ending in `与` and a name makes the name
    /// opening this clause one more of those addressed; the subject is the one opening that
    /// clause (`Some(None)` when it names no one).
    fn addressed_with(&self, clause_start: usize) -> Option<Option<Who>> {
        let before = &self.text[self.para.start..clause_start];
        let prev = before.strip_suffix(['，', ','])?;
        let start = self.clause_start(self.para.start + prev.len());
        let prev = &self.text[start..self.para.start + prev.len()];
        let (i, c) = prev.char_indices().rev().find(|&(_, c)| "与與和同跟".contains(c))?;
        let rest = &prev[i + c.len_utf8()..];
        if self.people.name_at(rest).is_none_or(|n| n.len() != rest.len()) {
            return None;
        }
        let clause = &self.text[clause_start..];
        self.people.name_at(clause)?;
        Some(self.people.opening_name(strip_leads(prev)).map(|(n, _)| Who::Name(n.to_string(), None)))
    }

    /// `一人挺身出曰：“……”进视之，乃典军校尉曹操也。`: the person who spoke is named right
    /// after the quote, by `乃` and a name that ends its clause.
    fn named_after(&self, q: &Range<usize>) -> Option<Who> {
        let rest = &self.text[q.end..self.para.end];
        let (i, _) = rest.char_indices().take(12).find(|&(_, c)| c == '乃')?;
        let seg = &rest[i + '乃'.len_utf8()..];
        let end = seg.char_indices().take(14).find(|&(_, c)| c == '也' || is_clause_end(c))?.0;
        let seg = &seg[..end];
        if seg.contains(['之', '的']) {
            return None;
        }
        let known = (0..seg.len())
            .filter(|&j| seg.is_char_boundary(j))
            .find_map(|j| self.people.name_at(&seg[j..]).filter(|n| n.len() == seg.len() - j));
        let name = known.or_else(|| {
            let two = seg.char_indices().rev().nth(1).map(|(j, _)| &seg[j..])?;
            surname_len(two).is_some_and(|l| l < two.len()).then_some(two)
        })?;
        Some(Who::Name(name.to_string(), None))
    }

    /// Whether quote `q` is a short word (up to six characters, no punctuation) after which
    /// its sentence goes on: a word mentioned, not a thing said (`说“信”，也`; but
    /// `说一声“是”。` is said).
    fn mentions_a_word(&self, q: &Range<usize>) -> bool {
        let inner = &self.text[q.start..q.end];
        let mut cs = inner.chars();
        cs.next();
        cs.next_back();
        let word = cs.as_str();
        let short = !word.is_empty() && chars(word) <= 6 && word.chars().all(char::is_alphanumeric);
        short && !self.char_after(q.end).is_some_and(is_sentence_end)
    }

    /// `“…”丁成说。`, `“…，”某某称，“…”`: the clause right after the closing mark (or the
    /// one after it in the same sentence) ends with a speech verb. An attribution ending
    /// in `：` introduces the next quote and is not this one's.
    pub(super) fn after(&self, q: &Range<usize>) -> Option<Option<Who>> {
        let mut start = q.end;
        if let Some(c @ (',' | '，')) = self.char_after(start) {
            start += c.len_utf8();
        }
        let first = self.attrs.iter().position(|a| a.clause_start == start);
        let a = match first {
            Some(i) => &self.attrs[i],
            None => {
                // `“…”在301路公交车上，72岁的市民宁秀珍说。`: one clause further.
                let end = self.text[start..self.para.end].char_indices().find(|&(_, c)| is_clause_end(c))?;
                let (i, c) = end;
                if !matches!(c, ',' | '，') {
                    return None;
                }
                let next = start + i + c.len_utf8();
                let a = self.attrs.iter().find(|a| a.clause_start == next)?;
                if self.pairs.iter().any(|p| p.start >= start && p.start < next) {
                    return None;
                }
                let clause = &self.text[a.clause_start..a.verb_start];
                if a.mark.is_some_and(|m| matches!(m, ':' | '：')) || a.mark.is_some_and(is_open) {
                    return None;
                }
                // Only a subject the second clause names itself.
                return super::roles::subject(self.people, clause).map(Some);
            }
        };
        if a.mark.is_some_and(|m| matches!(m, ':' | '：') || is_open(m)) {
            return None;
        }
        let clause = &self.text[a.clause_start..a.verb_start];
        match super::roles::subject(self.people, clause) {
            Some(w) => Some(Some(w)),
            None => {
                let inner = &self.text[q.start..q.end];
                let ends =
                    inner.chars().rev().nth(1).is_some_and(|c| matches!(c, ',' | '，') || is_sentence_end(c));
                (ends && chars(clause) <= 20).then_some(None)
            }
        }
    }

    /// `徐晖说,……,“…”。`: the sentence holding the quote began with an attribution.
    /// `Some(None)` when the attribution names no one the text supports.
    pub(super) fn in_sentence(&self, q: &Range<usize>) -> Option<Option<Who>> {
        let s = self.sentence_start(q.start, false);
        let a = self
            .attrs
            .iter()
            .rev()
            .filter(|a| a.clause_start >= s && a.after < q.start)
            .find(|a| a.mark.is_some_and(|m| matches!(m, ',' | '，')))?;
        // Quoted terms between (`融入“半小时通勤圈”`) do not break the sentence.
        let speech_between = |p: &Range<usize>| {
            self.text[(*p).clone()]
                .chars()
                .any(|c| matches!(c, ',' | '，' | ';' | '；') || is_sentence_end(c))
        };
        if self.pairs.iter().filter(|p| p.start > a.after && p.start < q.start).any(speech_between) {
            return None;
        }
        Some(self.subject_of(a))
    }

    /// `“文雅过之”（《晋书·谢安传》）`, `“…”、“…”[16]`: a quote, or a run of quotes joined
    /// by `，` or `、`, followed by its source (a book in `（《…》）` or a note mark): words
    /// quoted from a record.
    fn cited(&self, q: &Range<usize>) -> bool {
        // A name or a short term with a note (`“祖率”[3]`) is no quotation.
        if chars(&self.text[q.clone()]) < 6 {
            return false;
        }
        let mut end = q.end;
        loop {
            let rest = self.text[end..self.para.end].trim_start();
            let mut cs = rest.chars();
            let (a, b) = (cs.next(), cs.next());
            if matches!(a, Some('（' | '(')) && b == Some('《')
                || matches!(a, Some('[' | '［')) && b.is_some_and(|c| c.is_ascii_digit())
            {
                return true;
            }
            // The next quote of a run.
            let Some(next) = self.pairs.iter().find(|p| p.start > end) else { return false };
            let between = self.text[end..next.start].trim();
            if !matches!(between, "，" | "、" | ",") {
                return false;
            }
            end = next.end;
        }
    }

    /// `“…”90后丁成多年前…`: a person of the report within the first few characters after
    /// the quote.
    pub(super) fn name_after(&self, q: &Range<usize>) -> Option<Who> {
        let rest = &self.text[q.end..self.para.end];
        rest.char_indices().take(5).take_while(|&(_, c)| !is_clause_end(c) && c != '、').find_map(|(i, _)| {
            let n = self.people.name_at(&rest[i..])?;
            self.people.titled.contains(n).then(|| Who::Name(n.to_string(), title_chain(&rest[..i])))
        })
    }

    /// `宁光表示,……。“…”`: the only person who spoke earlier in this paragraph.
    pub(super) fn paragraph_speaker(&self, q: &Range<usize>) -> Option<Who> {
        let earlier: Vec<&Attribution> = self.attrs.iter().filter(|a| a.after < q.start).collect();
        if earlier.iter().any(|a| a.mark.is_some_and(|m| matches!(m, ':' | '：') || is_open(m))) {
            return None;
        }
        // `“打得起来吗？”她问。“人心很不安呢！”`: one who spoke a quote before is answered.
        if earlier.iter().any(|a| self.pairs.iter().any(|p| p.end == a.clause_start)) {
            return None;
        }
        let mut named =
            earlier.iter().filter(|a| a.mark.is_some_and(|m| matches!(m, ',' | '，' | '。'))).filter_map(
                |a| match super::roles::subject(self.people, &self.text[a.clause_start..a.verb_start]) {
                    Some(Who::Name(n, t)) => Some((n, t)),
                    _ => None,
                },
            );
        let first = named.next()?;
        let same = named.all(|n| n.0 == first.0);
        same.then_some(Who::Name(first.0, first.1))
    }

    /// Whether the quote stands as a clause of its own (not inside a phrase).
    pub(super) fn standalone(&self, q: &Range<usize>) -> bool {
        let before = self.char_before(q.start);
        let after = self.char_after(q.end);
        let opens = before.is_none_or(|c| {
            matches!(c, ',' | '，' | ':' | '：' | ';' | '；') || is_sentence_end(c) || is_close(c)
        });
        // A quote ending its own sentence (`。”`, `！”`) closes it whatever follows.
        let ends_sentence = self.text[q.start..q.end].chars().rev().nth(1).is_some_and(is_sentence_end);
        let closes = ends_sentence
            || after.is_none_or(|c| matches!(c, ',' | '，' | ';' | '；') || is_sentence_end(c) || is_open(c));
        opens && closes
    }

    pub(super) fn classify(&self, q: Range<usize>) -> (QuoteKind, Option<Who>) {
        if let Some(w) = self.before(&q) {
            return (QuoteKind::Speech, w);
        }
        if let Some(w) = self.after(&q) {
            return (QuoteKind::Speech, w);
        }
        let inner =
            Quote { start: q.start, end: q.end, kind: QuoteKind::Term, speaker: None, speaker_title: None };
        let words = inner.inner(self.text);
        let sentence = words.chars().any(is_sentence_end);
        let standalone = self.standalone(&q);
        // A quote of eight characters or more with a predicate in it (`不`, `已`, `将`…)
        // closing a clause of an attributed sentence is what was said (`坦言，目前对新增产能
        // 项目“基本不再新增授信”，`; but `开展“上海智能算力加速计划”，` names a plan).
        let closes_clause =
            self.char_after(q.end).is_some_and(|c| matches!(c, ',' | '，') || is_sentence_end(c));
        let said = closes_clause && chars(words) >= 8 && words.contains(PREDICATE_MARKS);
        let in_sentence = if standalone || said { self.in_sentence(&q) } else { None };
        if in_sentence.is_none() && self.cited(&q) {
            return (QuoteKind::Speech, None);
        }
        let clauses = words.chars().any(|c| matches!(c, ',' | '，' | ';' | '；'));
        let lead = if standalone { self.sentence_subject(&q) } else { None };
        let colon_lead =
            lead.is_some() && self.text[self.sentence_start(q.start, true)..q.start].contains(['：', ':']);
        if !(sentence || in_sentence.is_some() || (standalone && (clauses || colon_lead))) {
            return (QuoteKind::Term, None);
        }
        let who = in_sentence
            .flatten()
            .or_else(|| self.name_after(&q))
            .or_else(|| self.continued(&q))
            .or_else(|| {
                // A whole sentence of speech in a paragraph where one person has spoken.
                let whole = self.sentence_start(q.start, false) == q.start;
                if whole { self.paragraph_speaker(&q) } else { None }
            })
            .or(lead)
            .or_else(|| self.previous_paragraph_subject(&q))
            .or_else(|| self.beat_before(&q))
            .or_else(|| self.beat_after(&q));
        (QuoteKind::Speech, who)
    }
}
