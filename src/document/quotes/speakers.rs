//! Who said a quote: the names of a text, and the clauses around a quote that name its
//! speaker.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::words::*;
use super::*;

/// Who a clause before or after a quote names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Who {
    /// A name, with the title chain before it (news).
    Name(String, Option<String>),
    /// 他 / 她 / 他们: the person last named.
    Pronoun,
}

/// The names of one text: subjects of its speech verbs, and people introduced by a title.
#[derive(Default)]
pub(super) struct People {
    pub(super) names: HashSet<String>,
    /// Names found after a title (`村民岑福林`): people of a report.
    pub(super) titled: HashSet<String>,
    /// One-character subjects (`靖曰`, `植谓玄德曰`) that stand before a speech verb at
    /// least twice: short forms of a full name.
    pub(super) short: HashSet<char>,
    /// First characters of `names` and `titled`: most places in a text start no name,
    /// and this rules them out before any lookup.
    pub(super) firsts: HashSet<char>,
}

/// How far back a pronoun looks for the person it stands for, in characters.
pub(super) const LOOKBACK: usize = 1000;

impl People {
    /// The longest known name that `s` starts with.
    pub(super) fn name_at<'s>(&self, s: &'s str) -> Option<&'s str> {
        let first = s.chars().next()?;
        if !is_han(first) || !self.firsts.contains(&first) {
            return None;
        }
        (2..=4)
            .rev()
            .filter_map(|n| take_chars(s, n))
            .find(|n| self.names.contains(*n) || self.titled.contains(*n))
    }

    pub(super) fn known(&self, s: &str) -> bool {
        self.names.contains(s) || self.titled.contains(s)
    }

    /// The last known name that starts in `text[range]` (within [`LOOKBACK`] characters of
    /// its end).
    pub(super) fn last_in<'t>(&self, text: &'t str, range: Range<usize>) -> Option<&'t str> {
        let s = &text[range.clone()];
        s.char_indices().rev().take(LOOKBACK).find_map(|(i, _)| self.name_at(&text[range.start + i..]))
    }

    /// A name standing after a title, or opening the clause (`首席架构师丁成`, `卢静怡`),
    /// with an adverbial after it: the subject of a news attribution.
    pub(super) fn titled_subject(&self, clause: &str) -> Option<Who> {
        // Every place a name may start: the clause start or right after a title.
        let mut starts = vec![0];
        for (i, _) in clause.char_indices().skip(1) {
            let before = clause[..i].chars().next_back();
            if before == Some('的') || before.is_some_and(ends_a_title) && ends_with_title(&clause[..i]) {
                starts.push(i);
            }
        }
        for &p in starts.iter().rev() {
            let rest = &clause[p..];
            // After a title, surnames that also begin words count too (`副总裁常莉`).
            let loose =
                rest.chars().next().filter(|&c| p > 0 && MORE_SURNAMES.contains(c)).map(char::len_utf8);
            let Some(sl) = surname_len(rest).or(loose) else { continue };
            let char_before = clause[..p].chars().next_back();
            if char_before.is_some_and(|c| "向对對和跟与與同问問给給叫把被让讓替请請使令".contains(c))
            {
                continue;
            }
            // The name: surname and one or two characters; known names first, then the
            // length that leaves an adverbial before the verb.
            let lens: Vec<usize> = [3usize, 2, 4]
                .into_iter()
                .filter_map(|n| take_chars(rest, n).map(str::len))
                .filter(|&l| l > sl && rest[..l].chars().all(is_han))
                .filter(|&l| !rest[..l].chars().next_back().is_some_and(|c| GLUED.contains(c)))
                .collect();
            let pick =
                lens.iter().copied().find(|&l| self.known(&rest[..l]) && adverbial(&rest[l..])).or_else(
                    || {
                        lens.iter()
                            .copied()
                            .filter(|&l| l <= sl + 6)
                            .find(|&l| adverbial(&rest[l..]) && chars(&rest[..l]) <= 3)
                    },
                );
            let Some(l) = pick else { continue };
            let name = &rest[..l];
            if NOT_NAMES.contains(&name) {
                continue;
            }
            let title = if p > 0 { title_chain(&clause[..p]) } else { None };
            if p > 0 && title.is_none() {
                continue;
            }
            if p == 0 && !self.known(name) && chars(clause) > chars(name) + 8 {
                continue;
            }
            return Some(Who::Name(name.to_string(), title));
        }
        None
    }

    /// The subject of an attribution clause (the words before its speech verb).
    pub(super) fn subject(&self, clause: &str) -> Option<Who> {
        let clause = strip_leads(clause.trim());
        for p in ["他们", "她们", "他們", "她們", "他", "她"] {
            if clause.strip_prefix(p).is_some_and(adverbial) {
                return Some(Who::Pronoun);
            }
        }
        // A known name opening the clause: `猴王慌忙磕头不住道`, `宝玉又向黛玉道`.
        if let Some(n) = self.name_at(clause) {
            let rest = &clause[n.len()..];
            let joined = rest.chars().next().is_some_and(|c| "的和与與及同、等们們之家".contains(c));
            if !joined {
                let title = None;
                return Some(Who::Name(n.to_string(), title));
            }
            return None;
        }
        if let Some(w) = self.titled_subject(clause) {
            return Some(w);
        }
        // A known name right before the verb: `…的卜师傅也说`.
        for (i, _) in clause.char_indices().rev().take(8) {
            if let Some(n) = self.name_at(&clause[i..]) {
                let before = clause[..i].chars().next_back();
                if adverbial(&clause[i + n.len()..])
                    && before.is_none_or(|c| !"向对對和跟与與同问問给給叫把被让讓替请請使令".contains(c))
                    && (before.is_none_or(|c| !is_han(c))
                        || clause[..i].ends_with('的')
                        || title_chain(&clause[..i]).is_some())
                {
                    return Some(Who::Name(n.to_string(), title_chain(&clause[..i])));
                }
            }
        }
        None
    }
}

/// Candidate names of a text: subjects standing alone before a speech verb (`宝玉道`,
/// `凤姐笑道`), counted; and names after a title anywhere near a quote.
pub(super) fn collect_people(
    text: &str,
    paras: &[Range<usize>],
    all_pairs: &[Vec<Range<usize>>],
    all_attr: &[Vec<Attribution>],
) -> People {
    // Per candidate: how often it stands alone before a speech verb, and whether once at
    // the start of a sentence (a name does; a predicate like `大怒` follows its subject).
    let mut counts: HashMap<&str, (usize, bool)> = HashMap::new();
    let mut subjects: Vec<&str> = Vec::new();
    let empty = People::default();
    let mut titled = HashSet::new();
    let mut short: HashMap<char, usize> = HashMap::new();
    let mut scanned: Option<usize> = None;
    for (pi, attrs) in all_attr.iter().enumerate() {
        if all_pairs[pi].is_empty() {
            continue;
        }
        for a in attrs {
            let mut subject = strip_leads(text[a.clause_start..a.verb_start].trim());
            let mut cs = subject.chars();
            if let (Some(c), rest) = (cs.next(), cs.as_str())
                && is_han(c)
                && (rest.is_empty() || rest.starts_with(['谓', '謂', '问', '問', '对', '對', '向']))
            {
                *short.entry(c).or_default() += 1;
            }
            // Strip modifiers from the end: `凤姐冷笑` → `凤姐`.
            for _ in 0..4 {
                if let Some(w) = MODIFIER_ENDS.longest_at_end(subject).filter(|w| subject.len() > w.len()) {
                    subject = &subject[..subject.len() - w.len()];
                } else if let Some(c) = subject
                    .chars()
                    .next_back()
                    .filter(|&c| TRAILING_MODIFIERS.contains(c) && chars(subject) > 2)
                {
                    subject = &subject[..subject.len() - c.len_utf8()];
                }
            }
            while chars(subject) > 2
                && let Some(c) = subject.chars().next_back().filter(|&c| GLUED.contains(c))
            {
                subject = &subject[..subject.len() - c.len_utf8()];
            }
            if plausible_name(subject) {
                let before = text[paras[pi].start..a.clause_start].trim_end().chars().next_back();
                let opens = before.is_none_or(|c| is_sentence_end(c) || is_close(c));
                let e = counts.entry(subject).or_default();
                e.0 += 1;
                e.1 |= opens;
            }
            subjects.push(text[a.clause_start..a.verb_start].trim());
            if let Some(Who::Name(n, Some(_))) = empty.titled_subject(&text[a.clause_start..a.verb_start]) {
                titled.insert(n);
            }
        }
        // People introduced by a title in this paragraph or the one before (each
        // paragraph read once).
        for p in pi.saturating_sub(1)..=pi {
            if scanned.is_none_or(|s| p > s) {
                titled_names(&text[paras[p].clone()], &mut titled);
                scanned = Some(p);
            }
        }
    }
    let mut names: HashSet<String> = counts
        .into_iter()
        .filter(|&(n, (c, opens))| opens && (c >= 2 || (surname_len(n).is_some() && chars(n) <= 3)))
        .map(|(n, _)| n.to_string())
        .collect();
    // What follows a name in a subject is not a name (`史進大怒道` → 大怒), nor is a name
    // with a verb glued on (`史進喝`).
    let mut drop = HashSet::new();
    for s in &subjects {
        for n in (2..=4).rev().filter_map(|k| take_chars(s, k)) {
            if n.len() < s.len() && names.contains(n) {
                let rest = &s[n.len()..];
                for k in 1..=4 {
                    if let Some(r) = take_chars(rest, k) {
                        drop.insert(r.to_string());
                    }
                }
                break;
            }
        }
    }
    let glued: Vec<String> = names
        .iter()
        .filter(|n| {
            let last = n.chars().next_back().unwrap_or('的');
            let stem = &n[..n.len() - last.len_utf8()];
            names.contains(stem) && !"家的儿兒子氏公娘婆姐哥弟妹爷爺叔伯太老王".contains(last)
        })
        .cloned()
        .collect();
    for n in drop.iter().chain(&glued) {
        names.remove(n);
    }
    let short = short.into_iter().filter(|&(_, n)| n >= 2).map(|(c, _)| c).collect();
    let firsts = names.iter().chain(&titled).filter_map(|n| n.chars().next()).collect();
    People { names, titled, short, firsts }
}

/// Names right after a title (`村民岑福林种了`): two or three characters; and a surname
/// with a form of address (`卜师傅`).
pub(super) fn titled_names(s: &str, out: &mut HashSet<String>) {
    for (i, c) in s.char_indices() {
        if matches!(c, '师' | '師' | '阿' | '大' | '先' | '女' | '老')
            && let Some(a) = ADDRESS.iter().find(|a| s[i..].starts_with(*a))
            && let Some(sur) = s[..i].chars().next_back()
            && is_surname(sur)
        {
            let before = s[..i - sur.len_utf8()].chars().next_back();
            if before.is_none_or(|b| !is_han(b) || b == '的') {
                out.insert(format!("{sur}{a}"));
            }
        }
        if !ends_a_title(c) {
            continue;
        }
        let end = i + c.len_utf8();
        if !ends_with_title(&s[..end]) {
            continue;
        }
        let rest = &s[end..];
        let Some(first) = rest.chars().next().filter(|&c| MORE_SURNAME_SET.contains(c) || is_surname(c))
        else {
            continue;
        };
        let sl = surname_len(rest).unwrap_or(first.len_utf8());
        let loose = !is_surname(first);
        let three = take_chars(rest, 3).filter(|n| n.len() > sl && n.chars().all(is_han));
        let stop = |n: &str| {
            n.chars().next_back().is_some_and(|c| "说說表称稱在是的和与與也都就还還等了着著对對向从從把被给給认認指强強介坦直告回感补補分透笑又则則称曾为為到去来來".contains(c))
        };
        let name = match three {
            Some(n) if !stop(n) => Some(n),
            _ => take_chars(rest, 2).filter(|n| n.len() > sl && n.chars().all(is_han)),
        };
        let glued = |n: &&str| n.chars().next_back().is_some_and(|c| GLUED.contains(c));
        // A surname that also begins words only before a clear end of the name.
        let ends = |n: &&str| {
            rest[n.len()..].chars().next().is_none_or(|c| !is_han(c) || "的说說表称稱告".contains(c))
        };
        let name = name.filter(|n| !loose || ends(n));
        if let Some(n) = name.filter(|n| !NOT_NAMES.contains(n) && !glued(n)) {
            out.insert(n.to_string());
        }
    }
}

pub(super) struct Context<'a> {
    pub(super) text: &'a str,
    pub(super) para: Range<usize>,
    pub(super) pairs: &'a [Range<usize>],
    pub(super) attrs: &'a [Attribution],
    pub(super) people: &'a People,
    /// The paragraph before this one that holds words.
    pub(super) prev: Option<Range<usize>>,
}

/// First characters of a clause that has no subject of its own, only a predicate
/// (`暗喜道`, `叩头礼拜道`, `便对真人说道`): its subject is an earlier clause's.
const PREDICATE_STARTS: &str = "便又遂就却卻乃也还還复復再即忙连連急慌暗满滿叩跪拜起跳指回拍点點摇搖寻尋思想叹歎嘆问問答骂罵喝叫冷微笑哭怒惊驚吃喫朝望低抬拱躬欠顿頓厉厲高轻輕怨对對向撇丢丟放拿将將把看听聽闻聞沉出入来來去";

/// Whether `clause` is a predicate without a subject: it opens with a verb or adverb and
/// names nobody and no one new (`见`, `一个`, `那`).
fn predicate(people: &People, clause: &str) -> bool {
    clause.chars().next().is_some_and(|c| PREDICATE_STARTS.contains(c))
        && chars(clause) <= 10
        && !["见", "見", "一个", "一個", "一人", "一位", "那", "这", "這", "众", "衆", "眾", "们", "們"]
            .iter()
            .any(|w| clause.contains(w))
        && !clause.char_indices().any(|(i, _)| people.name_at(&clause[i..]).is_some())
}

/// Characters that are never a one-character name before `曰` or `道`.
const NOT_ONE_CHAR_NAMES: &str = "出入来來去上下回起坐立行走看言谓謂诗詩词詞书書文歌赋賦记記传傳经經史志铭銘谚諺语語注疏序人众衆眾皆各或吾我汝尔爾彼此其某公卿君臣兵军軍民贼賊帝王后妃僧尼";

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
    pub(super) fn subject_further_back(&self, clause_start: usize) -> Option<Who> {
        let stop = self.sentence_start(clause_start, true);
        let mut end = clause_start;
        for _ in 0..5 {
            // Step over the mark ending the earlier clause.
            let mark = self.text[stop..end].chars().next_back()?;
            if !matches!(mark, ',' | '，' | ';' | '；') {
                return None;
            }
            end -= mark.len_utf8();
            let start = self.clause_start(end).max(stop);
            let clause = strip_leads(&self.text[start..end]);
            if clause.contains('见') || clause.contains('見') || clause.contains("听得") {
                return None;
            }
            for p in ["他们", "她们", "他", "她"] {
                if clause.starts_with(p) {
                    return Some(Who::Pronoun);
                }
            }
            if let Some(n) = self.people.name_at(clause) {
                let joined =
                    clause[n.len()..].chars().next().is_some_and(|c| "的和与與及同、等们們之家".contains(c));
                return (!joined).then(|| Who::Name(n.to_string(), None));
            }
            // A clause naming someone else (not at its start) may be the subject's.
            if clause.char_indices().any(|(i, _)| self.people.name_at(&clause[i..]).is_some()) {
                return None;
            }
            end = start;
        }
        None
    }

    pub(super) fn subject_of(&self, a: &Attribution) -> Option<Who> {
        let clause = &self.text[a.clause_start..a.verb_start];
        if let Some(w) = self.people.subject(clause) {
            return Some(w);
        }
        let bare = strip_leads(clause.trim());
        if let Some(w) = self.one_char_subject(a.clause_start, bare) {
            return Some(w);
        }
        if only_modifiers(bare) || predicate(self.people, bare) {
            self.subject_further_back(a.clause_start).or_else(|| self.continuation(a.clause_start))
        } else {
            None
        }
    }

    /// `靖曰`, `植谓玄德曰`: a one-character name stands for the full name last written
    /// before it (`邹靖`, `卢植`), a surname and that character.
    fn one_char_subject(&self, at: usize, bare: &str) -> Option<Who> {
        let mut it = bare.chars();
        let c = it.next().filter(|&c| is_han(c))?;
        let rest = it.as_str();
        let addressed =
            rest.chars().next().is_some_and(|n| "谓謂问問对對向告叱视視顾顧".contains(n)) && chars(rest) <= 6;
        if !(rest.is_empty() || addressed)
            || NOT_ONE_CHAR_NAMES.contains(c)
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
        window.char_indices().rev().filter(|&(_, x)| x == c).find_map(|(i, _)| {
            let before = &window[..i];
            let name = if let Some(d) = DOUBLE_SURNAMES.iter().find(|d| before.ends_with(*d)) {
                &window[i - d.len()..i + c.len_utf8()]
            } else {
                let s = before.chars().next_back().filter(|&s| SURNAMES.contains(s) && s != c)?;
                &window[i - s.len_utf8()..i + c.len_utf8()]
            };
            Some(Who::Name(name.to_string(), None))
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
                return next.is_none_or(|c| !"的们們人".contains(c)).then_some(Who::Pronoun);
            }
        }
        if let Some(n) = self.people.name_at(clause) {
            let joined =
                clause[n.len()..].chars().next().is_some_and(|c| "的和与與及同、等们們之家".contains(c));
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
                "讀", "唱",
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
        Some(self.subject_of(a))
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
                return self.people.subject(clause).map(Some);
            }
        };
        if a.mark.is_some_and(|m| matches!(m, ':' | '：') || is_open(m)) {
            return None;
        }
        let clause = &self.text[a.clause_start..a.verb_start];
        match self.people.subject(clause) {
            Some(w) => Some(Some(w)),
            None => {
                let inner = &self.text[q.start..q.end];
                let ends =
                    inner.chars().rev().nth(1).is_some_and(|c| matches!(c, ',' | '，') || is_sentence_end(c));
                (ends && chars(clause) <= 12).then_some(None)
            }
        }
    }

    /// `徐晖说,……,“…”。`: the sentence holding the quote began with an attribution.
    pub(super) fn in_sentence(&self, q: &Range<usize>) -> Option<Who> {
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
        self.subject_of(a)
    }

    /// `“…”90后丁成多年前…`: a person of the report within the first few characters after
    /// the quote.
    pub(super) fn name_after(&self, q: &Range<usize>) -> Option<Who> {
        let rest = &self.text[q.end..self.para.end];
        rest.char_indices()
            .take(5)
            .take_while(|&(_, c)| !is_clause_end(c) && c != '、')
            .find_map(|(i, _)| {
                let n = self.people.name_at(&rest[i..])?;
                self.people.titled.contains(n).then_some(n)
            })
            .map(|n| Who::Name(n.to_string(), None))
    }

    /// `宁光表示,……。“…”`: the only person who spoke earlier in this paragraph.
    pub(super) fn paragraph_speaker(&self, q: &Range<usize>) -> Option<Who> {
        let earlier: Vec<&Attribution> = self.attrs.iter().filter(|a| a.after < q.start).collect();
        if earlier.iter().any(|a| a.mark.is_some_and(|m| matches!(m, ':' | '：') || is_open(m))) {
            return None;
        }
        let mut named = earlier
            .iter()
            .filter(|a| a.mark.is_some_and(|m| matches!(m, ',' | '，' | '。')))
            .filter_map(|a| match self.people.subject(&self.text[a.clause_start..a.verb_start]) {
                Some(Who::Name(n, t)) => Some((n, t)),
                _ => None,
            });
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
        let closes =
            after.is_none_or(|c| matches!(c, ',' | '，' | ';' | '；') || is_sentence_end(c) || is_open(c));
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
        let in_sentence = if standalone { self.in_sentence(&q) } else { None };
        let clauses = words.chars().any(|c| matches!(c, ',' | '，' | ';' | '；'));
        let lead = if standalone { self.sentence_subject(&q) } else { None };
        let colon_lead =
            lead.is_some() && self.text[self.sentence_start(q.start, true)..q.start].contains(['：', ':']);
        if !(sentence || (standalone && (in_sentence.is_some() || clauses || colon_lead))) {
            return (QuoteKind::Term, None);
        }
        let who = in_sentence
            .or_else(|| self.name_after(&q))
            .or_else(|| {
                // A whole sentence of speech in a paragraph where one person has spoken.
                let whole = self.sentence_start(q.start, false) == q.start;
                if whole { self.paragraph_speaker(&q) } else { None }
            })
            .or(lead)
            .or_else(|| self.previous_paragraph_subject(&q));
        (QuoteKind::Speech, who)
    }
}
