//! Quotations (“…”, 「…」): spans, kind (speech or term) and speaker.
//!
//! Pairing works like brackets, one paragraph at a time: each closing mark closes the
//! nearest open mark of its kind, and only the outermost pairs are quotations, so `‘…’`
//! (or a stray inner `“…”`) stays part of the quote around it and an unpaired mark never
//! reaches past its paragraph.
//!
//! Speakers come from what the text says next to the quote (`陈海慈表示,“…”`,
//! `“…”首席架构师丁成说`, `常莉说:“…”`, `用…徐晖的话说,“…”`); a pronoun (`他说`) stands for
//! the person last named in the paragraph (or, for a paragraph that opens with the quote,
//! the one before). When nothing names the speaker the speaker is `None`.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

/// Whether a quotation is speech or a quoted term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Something a person said.
    Speech,
    /// A short phrase in quotation marks.
    Term,
}

impl QuoteKind {
    /// The name used in command output (`speech`, `term`).
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
        }
    }
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte offset of the opening mark.
    pub start: usize,
    /// Byte offset just past the closing mark.
    pub end: usize,
    /// Speech or term.
    pub kind: QuoteKind,
    /// Who said it, when the text names them.
    pub speaker: Option<String>,
}

impl Quote {
    /// The quoted words without the outer marks.
    pub fn inner<'a>(&self, text: &'a str) -> &'a str {
        let s = &text[self.start..self.end];
        let mut chars = s.chars();
        chars.next();
        chars.next_back();
        chars.as_str()
    }
}

/// Verbs that introduce speech, longest first so `补充说` wins over `说`.
const VERBS: &[&str] = &[
    "告诉记者",
    "的话说",
    "补充说",
    "举例说",
    "介绍说",
    "表示",
    "介绍",
    "认为",
    "指出",
    "强调",
    "坦言",
    "透露",
    "解释",
    "回忆",
    "感慨",
    "说道",
    "笑称",
    "直言",
    "问道",
    "答道",
    "笑道",
    "叫道",
    "喊道",
    "叹道",
    "说",
];

/// Job titles that stand right before a name (`首席架构师丁成`).
const TITLES: &[&str] = &[
    "总经理",
    "经理",
    "架构师",
    "工程师",
    "设计师",
    "主任",
    "研究员",
    "总裁",
    "院长",
    "教授",
    "创始人",
    "院士",
    "董事长",
    "总监",
    "负责人",
    "所长",
    "主席",
    "书记",
    "局长",
    "厅长",
    "部长",
    "市长",
    "区长",
    "县长",
    "校长",
    "处长",
    "科长",
    "博士",
    "医生",
    "护士",
    "专家",
    "主编",
    "律师",
    "老师",
    "CEO",
    "首席",
    "合伙人",
    "秘书长",
    "会长",
    "理事长",
    "队长",
    "村长",
    "厂长",
    "站长",
    "经济学家",
    "分析师",
];

/// Two- or three-character subjects that are not names.
const NOT_NAMES: &[&str] = &[
    "有人",
    "人们",
    "大家",
    "记者",
    "他们",
    "她们",
    "我们",
    "你们",
    "咱们",
    "对方",
    "双方",
    "公司",
    "企业",
    "政府",
    "学校",
    "医院",
    "专家",
    "官方",
    "报告",
    "数据",
    "研究",
    "文件",
    "通知",
    "该公司",
    "如果",
    "可以",
    "或者",
    "也就是",
    "比如",
    "据",
    "听",
    "老人",
    "孩子",
    "有的",
    "也有人",
    "还有人",
];

/// Who a clause before a speech verb names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Who {
    Name(String),
    Pronoun,
}

/// A speech verb with its subject: `…丁成说` followed by punctuation or a quote.
#[derive(Debug, Clone)]
struct Mention {
    who: Who,
    /// Where the clause with the subject starts.
    clause_start: usize,
    /// The punctuation (or opening mark) right after the verb.
    boundary: usize,
    boundary_char: char,
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

fn is_clause_boundary(c: char) -> bool {
    matches!(
        c,
        ',' | '，'
            | '。'
            | ':'
            | '：'
            | ';'
            | '；'
            | '!'
            | '！'
            | '?'
            | '？'
            | '、'
            | '“'
            | '”'
            | '「'
            | '」'
            | '('
            | ')'
            | '（'
            | '）'
    )
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n) && s.chars().all(is_han) && !NOT_NAMES.contains(&s)
}

/// The subject of a clause that ends right before a speech verb.
fn who(clause: &str) -> Option<Who> {
    let clause = clause.trim();
    let clause = clause.strip_prefix('用').unwrap_or(clause);
    if matches!(clause, "他" | "她" | "而他" | "而她" | "他还" | "她还" | "他也" | "她也") {
        return Some(Who::Pronoun);
    }
    // The name after the last job title: `…首席架构师丁成`.
    // The name is the last two to four characters, right after a job title.
    let splits = clause.char_indices().rev().skip(1).take(3).map(|(i, _)| i);
    for at in splits {
        let (before, name) = clause.split_at(at);
        if TITLES.iter().any(|t| before.ends_with(t)) {
            return is_name(name).then(|| Who::Name(name.to_string()));
        }
    }
    let bare = clause.chars().count() <= 3 && is_name(clause) && !TITLES.iter().any(|t| clause.contains(t));
    bare.then(|| Who::Name(clause.to_string()))
}

/// The speech verbs (with their subjects) of one paragraph.
fn mentions(text: &str, para: Range<usize>) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut clause_start = para.start;
    for (i, c) in text[para.clone()].char_indices() {
        if !is_clause_boundary(c) {
            continue;
        }
        let at = para.start + i;
        let clause = &text[clause_start..at];
        let attributive = matches!(c, ',' | '，' | ':' | '：' | '。' | '“' | '「' | '!' | '！');
        if attributive
            && let Some(verb) = VERBS.iter().find(|v| clause.ends_with(*v))
            && let Some(w) = who(&clause[..clause.len() - verb.len()])
        {
            out.push(Mention { who: w, clause_start, boundary: at, boundary_char: c });
        }
        clause_start = at + c.len_utf8();
    }
    out
}

/// Every top-level pair of marks in one paragraph, in order.
fn pairs(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let mut curly: Vec<usize> = Vec::new();
    let mut corner: Vec<usize> = Vec::new();
    let mut found = Vec::new();
    for (i, c) in text[para.clone()].char_indices() {
        let at = para.start + i;
        match c {
            '“' => curly.push(at),
            '「' => corner.push(at),
            '”' => {
                if let Some(o) = curly.pop() {
                    found.push(o..at + c.len_utf8());
                }
            }
            '」' => {
                if let Some(o) = corner.pop() {
                    found.push(o..at + c.len_utf8());
                }
            }
            _ => {}
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut top: Vec<Range<usize>> = Vec::new();
    for r in found {
        if top.last().is_none_or(|t| r.start >= t.end) {
            top.push(r);
        }
    }
    top
}

/// Known person names of the document (the subjects of its speech verbs).
struct People {
    names: HashSet<String>,
}

/// How far back a pronoun looks for the person it stands for, in characters: a paragraph's
/// worth, so a huge unbroken text stays linear.
const LOOKBACK: usize = 1000;

impl People {
    /// The longest known name that `s` starts with.
    fn name_at<'s>(&self, s: &'s str) -> Option<&'s str> {
        let mut ends = s.char_indices().map(|(i, c)| i + c.len_utf8());
        let first = ends.next()?;
        if !s[..first].chars().all(is_han) {
            return None;
        }
        let e = [ends.next(), ends.next(), ends.next()];
        e.iter().rev().flatten().map(|&end| &s[..end]).find(|n| self.names.contains(*n))
    }

    /// The last known name that starts in `text[range]` (within [`LOOKBACK`] characters of
    /// its end), with its offset.
    fn last_in<'t>(&self, text: &'t str, range: Range<usize>) -> Option<(usize, &'t str)> {
        let s = &text[range.clone()];
        s.char_indices()
            .rev()
            .take(LOOKBACK)
            .find_map(|(i, _)| self.name_at(&text[range.start + i..]).map(|n| (range.start + i, n)))
    }
}

/// Finds the quotations of a document; `paragraphs` are the byte ranges of its paragraphs
/// in order (a quote never spans two).
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<Quote> {
    let paras: Vec<Range<usize>> = paragraphs
        .iter()
        .filter(|p| p.start <= p.end && p.end <= text.len())
        .filter(|p| text.is_char_boundary(p.start) && text.is_char_boundary(p.end))
        .cloned()
        .collect();
    let all_pairs: Vec<Vec<Range<usize>>> = paras.iter().map(|p| pairs(text, p.clone())).collect();
    if all_pairs.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let all_mentions: Vec<Vec<Mention>> = paras.iter().map(|p| mentions(text, p.clone())).collect();
    let names: HashSet<String> = all_mentions
        .iter()
        .flatten()
        .filter_map(|m| match &m.who {
            Who::Name(n) => Some(n.clone()),
            Who::Pronoun => None,
        })
        .collect();
    let people = People { names };

    let mut out = Vec::new();
    for (pi, para) in paras.iter().enumerate() {
        for q in &all_pairs[pi] {
            let ctx = Context { text, para: para.clone(), mentions: &all_mentions[pi], people: &people };
            let (kind, who) = ctx.classify(q.clone());
            let speaker = match who {
                Some(Who::Name(n)) => Some(n),
                Some(Who::Pronoun) => resolve_pronoun(text, &paras, &all_pairs, pi, q.start, &people),
                None => None,
            };
            let speaker = if kind == QuoteKind::Speech { speaker } else { None };
            out.push(Quote { start: q.start, end: q.end, kind, speaker });
        }
    }
    out
}

/// The person a pronoun next to the quote at `at` in paragraph `pi` stands for: the last
/// person named before it in the paragraph, or, when the paragraph opens with the quote,
/// the last person named in the paragraph before.
fn resolve_pronoun(
    text: &str,
    paras: &[Range<usize>],
    all_pairs: &[Vec<Range<usize>>],
    pi: usize,
    at: usize,
    people: &People,
) -> Option<String> {
    let para = &paras[pi];
    if let Some((_, n)) = people.last_in(text, para.start..at) {
        return Some(n.to_string());
    }
    let opens_with_quote = all_pairs[pi].first().is_some_and(|q| q.start == para.start);
    if opens_with_quote && pi > 0 {
        let prev = &paras[pi - 1];
        return people.last_in(text, prev.clone()).map(|(_, n)| n.to_string());
    }
    None
}

struct Context<'a> {
    text: &'a str,
    para: Range<usize>,
    mentions: &'a [Mention],
    people: &'a People,
}

impl Context<'_> {
    fn char_before(&self, at: usize) -> Option<char> {
        self.text[self.para.start..at].chars().next_back()
    }

    fn char_after(&self, at: usize) -> Option<char> {
        self.text[at..self.para.end].chars().next()
    }

    /// `陈海慈表示,“…”`: a speech verb right before the opening mark.
    fn before(&self, q: &Range<usize>) -> Option<Who> {
        self.mentions
            .iter()
            .find(|m| {
                (m.boundary == q.start && matches!(m.boundary_char, '“' | '「'))
                    || (m.boundary + m.boundary_char.len_utf8() == q.start
                        && matches!(m.boundary_char, ',' | '，' | ':' | '：'))
            })
            .map(|m| m.who.clone())
    }

    /// `“…”丁成说。`: the clause right after the closing mark ends with a speech verb.
    fn after(&self, q: &Range<usize>) -> Option<Who> {
        let mut start = q.end;
        if let Some(c @ (',' | '，')) = self.char_after(start) {
            start += c.len_utf8();
        }
        self.mentions.iter().find(|m| m.clause_start == start).map(|m| m.who.clone())
    }

    /// Start of the sentence holding `at`.
    fn sentence_start(&self, at: usize) -> usize {
        self.text[self.para.start..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_sentence_end(c))
            .map_or(self.para.start, |(i, c)| self.para.start + i + c.len_utf8())
    }

    /// `徐晖说,……,“…”。`: the sentence holding the quote began with a speech verb.
    fn in_sentence(&self, q: &Range<usize>) -> Option<Who> {
        let s = self.sentence_start(q.start);
        self.mentions
            .iter()
            .rev()
            .find(|m| m.clause_start >= s && m.boundary < q.start && !matches!(m.boundary_char, '。'))
            .map(|m| m.who.clone())
    }

    /// `“…”90后丁成多年前…`: a known name within the first few characters after the quote.
    fn name_after(&self, q: &Range<usize>) -> Option<Who> {
        let rest = &self.text[q.end..self.para.end];
        rest.char_indices()
            .take(5)
            .take_while(|&(_, c)| !is_clause_boundary(c))
            .find_map(|(i, _)| self.people.name_at(&rest[i..]))
            .map(|n| Who::Name(n.to_string()))
    }

    /// `宁光表示,……。“…”`: the only person who spoke earlier in this paragraph.
    fn paragraph_speaker(&self, q: &Range<usize>) -> Option<Who> {
        let mut named = self.mentions.iter().filter(|m| m.boundary < q.start).filter_map(|m| match &m.who {
            Who::Name(n) => Some(n),
            Who::Pronoun => None,
        });
        let first = named.next()?;
        named.all(|n| n == first).then(|| Who::Name(first.clone()))
    }

    /// Whether the quote stands as a clause of its own (not inside a phrase).
    fn standalone(&self, q: &Range<usize>) -> bool {
        let before = self.char_before(q.start);
        let after = self.char_after(q.end);
        let opens =
            before.is_none_or(|c| matches!(c, ',' | '，' | ':' | '：' | ';' | '；') || is_sentence_end(c));
        let closes = after.is_none_or(|c| matches!(c, ',' | '，' | ';' | '；') || is_sentence_end(c));
        opens && closes
    }

    fn classify(&self, q: Range<usize>) -> (QuoteKind, Option<Who>) {
        if let Some(w) = self.before(&q).or_else(|| self.after(&q)) {
            return (QuoteKind::Speech, Some(w));
        }
        let inner = Quote { start: q.start, end: q.end, kind: QuoteKind::Term, speaker: None };
        let words = inner.inner(self.text);
        let sentence = words.chars().any(is_sentence_end);
        let standalone = self.standalone(&q);
        let in_sentence = if standalone { self.in_sentence(&q) } else { None };
        let clauses = words.chars().any(|c| matches!(c, ',' | '，' | ';' | '；'));
        if !(sentence || (standalone && (in_sentence.is_some() || clauses))) {
            return (QuoteKind::Term, None);
        }
        let who = in_sentence.or_else(|| self.name_after(&q)).or_else(|| {
            // A whole sentence of speech in a paragraph where one person has spoken.
            let whole = self.sentence_start(q.start) == q.start;
            if whole { self.paragraph_speaker(&q) } else { None }
        });
        (QuoteKind::Speech, who)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
        let paras: Vec<Range<usize>> =
            crate::document::split_blocks(text).iter().map(|b| b.range()).collect();
        find_quotes(text, &paras)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.kind, q.speaker))
            .collect()
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        let q = quotes("“我们的‘从0到1’创新。”他说。");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "“我们的‘从0到1’创新。”");
    }

    #[test]
    fn an_unpaired_mark_stays_in_its_paragraph() {
        let q = quotes("他说“没有结尾\n另一段“建框架”的事");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "“建框架”");
        let q = quotes("他说“没有结尾,她说“好”");
        assert_eq!(q.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), vec!["“好”"]);
    }

    #[test]
    fn corner_brackets_are_quotes() {
        let q = quotes("王五说:「今天『很好』。」");
        assert_eq!(q, vec![("「今天『很好』。」".into(), QuoteKind::Speech, Some("王五".into()))]);
    }

    #[test]
    fn novel_dialogue_with_corner_brackets_and_dao() {
        let text = "林黛玉笑道:「你又来了。」\n宝玉听了,问道:「妹妹往哪里去?」\n「回家。」她说。";
        let q = quotes(text);
        let who: Vec<Option<&str>> = q.iter().map(|x| x.2.as_deref()).collect();
        assert_eq!(who, vec![Some("林黛玉"), None, None]);
        assert!(q.iter().all(|x| x.1 == QuoteKind::Speech));
    }

    #[test]
    fn a_pronoun_without_a_person_is_unknown() {
        let q = quotes("“明天再来。”他说。");
        assert_eq!(q, vec![("“明天再来。”".into(), QuoteKind::Speech, None)]);
    }

    #[test]
    fn unattributed_speech_has_no_speaker() {
        let q = quotes("有一句话:“这件事,谁也说不清。”");
        assert_eq!(q[0].1, QuoteKind::Speech);
        assert_eq!(q[0].2, None);
    }
}
