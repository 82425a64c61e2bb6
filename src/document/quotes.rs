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

use std::ops::Range;
use std::sync::LazyLock;

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
    /// The speaker's title as the text gives it before the name (`首席架构师`), in news.
    pub speaker_title: Option<String>,
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

mod speakers;
mod words;
use speakers::*;
use words::*;

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…')
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '「')
}

fn is_close(c: char) -> bool {
    matches!(c, '”' | '」')
}

/// Marks that end a clause for attribution (not `、`, which joins titles).
fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '，' | ':' | '：' | ';' | '；' | '(' | ')' | '（' | '）')
        || is_sentence_end(c)
        || is_open(c)
        || is_close(c)
}

/// A set of characters, one bit per code point of the Basic Multilingual Plane (where
/// every character of the word lists is): a text's characters are looked up many times,
/// so by one bit test rather than by scanning a list or hashing.
pub(super) struct CharSet(Vec<u64>);

impl CharSet {
    pub(super) fn new(chars: impl IntoIterator<Item = char>) -> Self {
        let mut bits = vec![0u64; 1 << 10];
        for c in chars {
            let i = c as usize;
            if let Some(w) = bits.get_mut(i >> 6) {
                *w |= 1 << (i & 63);
            }
        }
        CharSet(bits)
    }

    pub(super) fn contains(&self, c: char) -> bool {
        let i = c as usize;
        self.0.get(i >> 6).is_some_and(|w| w >> (i & 63) & 1 == 1)
    }
}

/// Words grouped by their last two characters (one for a one-character word), longest
/// first within a group: whether a string ends with one of them is one bit test for most
/// strings, and a few comparisons else.
pub(super) struct Suffixes {
    last: CharSet,
    groups: Vec<(LastTwo, Vec<&'static str>)>,
}

/// A word's last character and the one before it.
type LastTwo = (char, Option<char>);

/// The last character of `s` and the one before it.
fn last_two(s: &str) -> Option<LastTwo> {
    let mut it = s.chars().rev();
    let c = it.next()?;
    Some((c, it.next()))
}

impl Suffixes {
    pub(super) fn new(words: &[&'static str]) -> Self {
        let mut groups: Vec<(LastTwo, Vec<&'static str>)> = Vec::new();
        for w in words {
            let Some(key) = last_two(w) else { continue };
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, ws)) => ws.push(w),
                None => groups.push((key, vec![w])),
            }
        }
        for (_, ws) in &mut groups {
            ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        groups.sort_by_key(|&(k, _)| k);
        Suffixes { last: CharSet::new(groups.iter().map(|&((c, _), _)| c)), groups }
    }

    /// Whether `c` is the last character of one of the words.
    pub(super) fn ends_one(&self, c: char) -> bool {
        self.last.contains(c)
    }

    /// The longest of the words that `s` ends with.
    pub(super) fn longest_at_end(&self, s: &str) -> Option<&'static str> {
        let (c, d) = last_two(s).filter(|&(c, _)| self.last.contains(c))?;
        let group = |key: LastTwo| {
            let i = self.groups.binary_search_by_key(&key, |&(k, _)| k).ok()?;
            self.groups[i].1.iter().copied().find(|w| s.ends_with(w))
        };
        d.and_then(|d| group((c, Some(d)))).or_else(|| group((c, None)))
    }
}

static TITLE_ENDS: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(TITLES));
static VERB_ENDS: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(VERBS));
static NOT_VERB_ENDS: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(NOT_VERBS));
static MODIFIER_ENDS: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(MODIFIER_WORDS));
static SURNAME_SET: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(SURNAMES.chars()));
static MORE_SURNAME_SET: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(MORE_SURNAMES.chars()));

fn is_surname(c: char) -> bool {
    SURNAME_SET.contains(c)
}

/// Whether `c` is the last character of one of the [`TITLES`].
fn ends_a_title(c: char) -> bool {
    TITLE_ENDS.ends_one(c)
}

/// Whether `s` ends with one of the [`TITLES`].
fn ends_with_title(s: &str) -> bool {
    TITLE_ENDS.longest_at_end(s).is_some()
}

/// The speech verb `clause` ends with: its byte length.
fn verb_at_end(clause: &str) -> Option<usize> {
    let v = VERB_ENDS.longest_at_end(clause)?;
    if NOT_VERB_ENDS.longest_at_end(clause).is_some_and(|n| n.len() > v.len()) {
        return None;
    }
    Some(v.len())
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The first `n` characters of `s` (or `None` when it is shorter).
fn take_chars(s: &str, n: usize) -> Option<&str> {
    match s.char_indices().nth(n) {
        Some((i, _)) => Some(&s[..i]),
        None => (chars(s) == n).then_some(s),
    }
}

/// Whether `s` may be a name on its own: two to four Han characters, none of the words
/// or starts that are not names.
fn plausible_name(s: &str) -> bool {
    let n = chars(s);
    (2..=4).contains(&n)
        && s.chars().all(is_han)
        && !NOT_NAMES.contains(&s)
        && !s.chars().next().is_some_and(|c| NOT_NAME_STARTS.contains(c))
        && !s
            .chars()
            .next_back()
            .is_some_and(|c| "听聽闻聞见見了着著又便忙因就笑叩一地们們的来來想".contains(c))
}

fn surname_len(s: &str) -> Option<usize> {
    if let Some(d) = DOUBLE_SURNAMES.iter().find(|d| s.starts_with(*d)) {
        return Some(d.len());
    }
    let c = s.chars().next()?;
    is_surname(c).then(|| c.len_utf8())
}

/// Strips the words that open a clause without being its subject.
fn strip_leads(mut s: &str) -> &str {
    while let Some(l) = LEADS.iter().find(|l| s.starts_with(*l) && s.len() > l.len()) {
        s = &s[l.len()..];
    }
    s
}

/// Whether `s` is only modifiers of a verb (no subject in it).
fn only_modifiers(mut s: &str) -> bool {
    loop {
        if s.is_empty() {
            return true;
        }
        if let Some(w) = MODIFIER_WORDS.iter().find(|w| s.starts_with(*w)) {
            s = &s[w.len()..];
            continue;
        }
        let Some(c) = s.chars().next() else { return true };
        if MODIFIER_CHARS.contains(c) {
            s = &s[c.len_utf8()..];
            continue;
        }
        return false;
    }
}

/// Whether what stands between a news subject and its verb is an adverbial
/// (`也`, `斩钉截铁地`, `在接受本报记者采访时`, `向记者`).
fn adverbial(tail: &str) -> bool {
    if tail.is_empty() || only_modifiers(tail) {
        return true;
    }
    let n = chars(tail);
    (tail.ends_with('地') && n <= 6)
        || (tail.ends_with('时') || tail.ends_with('時'))
            && ["在", "接受", "于", "於"].iter().any(|p| tail.starts_with(p))
            && n <= 16
        || ["向", "对", "對", "跟", "给", "給"].iter().any(|p| tail.starts_with(p))
            && n <= 6
            && (tail.contains("记者") || tail.contains("記者"))
        || ["也", "还", "還", "则", "則", "又", "更", "曾", "再次", "一再", "反复", "反復"]
            .iter()
            .any(|p| tail.starts_with(p) && adverbial(&tail[p.len()..]))
}

/// The title chain before a name, cleaned of ages and descriptions
/// (`监控中心值班长、今年26岁的` → `监控中心值班长`).
fn title_chain(before: &str) -> Option<String> {
    let parts: Vec<&str> = before
        .split('、')
        .map(|p| p.rsplit_once('的').map_or(p, |(_, t)| t))
        .filter(|p| !p.is_empty() && !p.chars().any(|c| c.is_ascii_digit() || c == '岁' || c == '歲'))
        .collect();
    let last = parts.last()?;
    ends_with_title(last).then(|| parts.join("、"))
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

/// An attribution clause: words ending in a speech verb, and the mark after them.
#[derive(Debug, Clone)]
struct Attribution {
    clause_start: usize,
    verb_start: usize,
    /// Where the mark after the verb is, and the mark (`None` at the paragraph's end).
    after: usize,
    mark: Option<char>,
}

/// The attribution clauses of one paragraph, outside its quotes.
fn attributions(text: &str, para: Range<usize>, quotes: &[Range<usize>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut clause_start = para.start;
    let mut qi = 0;
    let mut iter = text[para.clone()].char_indices().peekable();
    let push = |clause_start: usize, at: usize, mark: Option<char>, out: &mut Vec<Attribution>| {
        let clause = &text[clause_start..at];
        if let Some(v) = verb_at_end(clause) {
            out.push(Attribution { clause_start, verb_start: at - v, after: at, mark });
        }
    };
    while let Some((i, c)) = iter.next() {
        let at = para.start + i;
        if let Some(q) = quotes.get(qi)
            && at == q.start
        {
            push(clause_start, at, Some(c), &mut out);
            // Skip the quote.
            while iter.peek().is_some_and(|&(j, _)| para.start + j < q.end) {
                iter.next();
            }
            clause_start = q.end;
            qi += 1;
            continue;
        }
        if is_clause_end(c) {
            push(clause_start, at, Some(c), &mut out);
            clause_start = at + c.len_utf8();
        }
    }
    push(clause_start, para.end, None, &mut out);
    out
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
    let all_attr: Vec<Vec<Attribution>> = paras
        .iter()
        .zip(&all_pairs)
        .map(|(p, q)| if q.is_empty() { Vec::new() } else { attributions(text, p.clone(), q) })
        .collect();
    let people = collect_people(text, &paras, &all_pairs, &all_attr);

    let mut out = Vec::new();
    for (pi, para) in paras.iter().enumerate() {
        let ctx = Context {
            text,
            para: para.clone(),
            pairs: &all_pairs[pi],
            attrs: &all_attr[pi],
            people: &people,
            prev: paras[..pi].iter().rev().find(|p| !text[(*p).clone()].trim().is_empty()).cloned(),
        };
        for q in &all_pairs[pi] {
            let (kind, who) = ctx.classify(q.clone());
            let (speaker, speaker_title) = match who {
                Some(Who::Name(n, t)) => (Some(n), t),
                Some(Who::Pronoun) => {
                    let from = paras[pi.saturating_sub(1)].start;
                    (people.last_in(text, from..q.start).map(str::to_string), None)
                }
                None => (None, None),
            };
            let (speaker, speaker_title) =
                if kind == QuoteKind::Speech { (speaker, speaker_title) } else { (None, None) };
            let speaker_title = speaker_title.filter(|_| speaker.is_some());
            out.push(Quote { start: q.start, end: q.end, kind, speaker, speaker_title });
        }
    }
    out
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
    fn woke_up_and_said_is_speech_not_the_word_for_enlightenment() {
        // `悟道` (to attain the Way) is no speech verb, but `醒悟道` is `醒悟` + `道`.
        assert_eq!(speakers("李靖醒悟道：“原来如此。”"), vec![some("李靖")]);
        assert_eq!(verb_at_end("修行多年方悟道"), None);
    }

    #[test]
    fn word_lists_by_their_end_find_the_longest_word() {
        let ends = Suffixes::new(&["道", "说道", "补充道", "知道"]);
        assert_eq!(ends.longest_at_end("他补充道"), Some("补充道"));
        assert_eq!(ends.longest_at_end("宝玉说道"), Some("说道"));
        assert_eq!(ends.longest_at_end("宝玉道"), Some("道"));
        assert_eq!(ends.longest_at_end("道"), Some("道"));
        assert_eq!(ends.longest_at_end("宝玉笑"), None);
        assert_eq!(ends.longest_at_end(""), None);
        assert!(ends.ends_one('道') && !ends.ends_one('说'));
        let set = CharSet::new("王李".chars());
        assert!(set.contains('王') && !set.contains('张') && !set.contains('😀'));
        assert_eq!(verb_at_end("他知道"), None);
        assert_eq!(verb_at_end("他补充道"), Some("补充道".len()));
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

    fn speakers(text: &str) -> Vec<Option<String>> {
        quotes(text).into_iter().map(|q| q.2).collect()
    }

    fn titled(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let paras: Vec<Range<usize>> =
            crate::document::split_blocks(text).iter().map(|b| b.range()).collect();
        find_quotes(text, &paras).into_iter().map(|q| (q.speaker, q.speaker_title)).collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn news_title_chain_is_stripped_and_kept_as_the_title() {
        let t = titled("北京某公司首席架构师丁成说：“算力决定成本。”");
        assert_eq!(t, vec![(some("丁成"), some("北京某公司首席架构师"))]);
        let t = titled("市委常委、常务副市长钱卫东表示，“隧道今天通车。”");
        assert_eq!(t, vec![(some("钱卫东"), some("市委常委、常务副市长"))]);
        // Ages and descriptions are not part of the title.
        let t = titled("“都练过了。”监控中心值班长、今年26岁的覃晓光说。");
        assert_eq!(t, vec![(some("覃晓光"), some("监控中心值班长"))]);
    }

    #[test]
    fn news_verbs_adverbs_and_a_comma_before_the_attribution() {
        let q = quotes("“价格战打到最后，比拼的是成本，”研究院院长卢静怡称，“企业数量将减少。”");
        assert_eq!(q.iter().map(|x| x.1).collect::<Vec<_>>(), vec![QuoteKind::Speech; 2]);
        assert_eq!(
            speakers("“价格战打到最后，比拼的是成本，”研究院院长卢静怡称，“企业数量将减少。”"),
            vec![some("卢静怡"), some("卢静怡")]
        );
        assert_eq!(speakers("局长王建国斩钉截铁地说：“一定要办好。”"), vec![some("王建国")]);
        for verb in ["坦言", "直言", "感慨", "补充道", "分析道", "告诉本报记者", "则称", "透露", "强调"]
        {
            let text = format!("院长许嘉诚{verb}：“行业拐点还要看下半年。”");
            assert_eq!(speakers(&text), vec![some("许嘉诚")], "{text}");
        }
    }

    #[test]
    fn news_quote_at_the_end_of_an_attributed_sentence() {
        let text = "专业带头人褚文斌分析道，冷链需要人才，“缺口在1.5万人以上”。";
        assert_eq!(quotes(text)[0].1, QuoteKind::Speech);
        assert_eq!(speakers(text), vec![some("褚文斌")]);
    }

    #[test]
    fn a_pronoun_is_the_person_last_named_even_a_paragraph_before() {
        let text = "青岩县高坪村村民岑福林种了12亩甘蓝。\n他告诉本报记者：“去年多卖了0.4元。”";
        assert_eq!(speakers(text), vec![some("岑福林")]);
    }

    #[test]
    fn novel_attribution_gives_the_subject_never_the_addressee_or_a_glued_verb() {
        let text = "宝玉道：“我来了。”黛玉道：“你来做什么？”宝玉道：“看你。”黛玉道：“哦。”\n\
                    宝玉听了，忙笑道：“妹妹说得是。”\n\
                    宝玉又向黛玉道：“好妹妹。”\n\
                    士隐道：“请坐。”\n士隐因说道：“此事难办。”\n士隐道：“罢了。”";
        assert_eq!(
            speakers(text),
            vec![
                some("宝玉"),
                some("黛玉"),
                some("宝玉"),
                some("黛玉"),
                some("宝玉"),
                some("宝玉"),
                some("士隐"),
                some("士隐"),
                some("士隐")
            ]
        );
    }

    #[test]
    fn the_next_quotes_attribution_is_not_this_ones() {
        // `黛玉道：` introduces the second quote; the first stays unnamed.
        let text = "宝玉道：“好。”黛玉道：“嗯。”\n“你说呢？”黛玉道：“我不知道。”";
        let s = speakers(text);
        assert_eq!(s[2], None);
        assert_eq!(s[3], some("黛玉"));
    }

    #[test]
    fn function_words_are_not_names() {
        let text = "一面说道：“走吧。”\n如此说道：“也好。”";
        assert_eq!(speakers(text), vec![None, None]);
    }

    #[test]
    fn alternating_dialogue_without_attribution_stays_unnamed() {
        let text = "宝玉道：“走。”\n宝玉道：“去吗？”\n“不去。”\n“为什么？”";
        assert_eq!(speakers(text), vec![some("宝玉"), some("宝玉"), None, None]);
    }

    #[test]
    fn traditional_verbs_and_corner_marks() {
        assert_eq!(speakers("「這件事不好辦。」丁成說。"), vec![some("丁成")]);
        assert_eq!(speakers("院長丁成稱：「明年再議。」"), vec![some("丁成")]);
        assert_eq!(speakers("丁成表示：「可以。」"), vec![some("丁成")]);
    }

    #[test]
    fn a_word_mentioned_after_a_verb_is_a_term() {
        let q = quotes("她不好意思说“信”，也不好意思说“不信”，只好笑了。说“晚霞”人们不懂。");
        assert!(q.iter().all(|x| x.1 == QuoteKind::Term), "{q:?}");
    }

    #[test]
    fn naming_verbs_right_before_a_quote_are_terms() {
        let q = quotes("张角自称“天公将军”，张宝称“地公将军”。");
        assert!(q.iter().all(|x| x.1 == QuoteKind::Term && x.2.is_none()), "{q:?}");
    }

    #[test]
    fn a_one_character_name_is_the_full_name_written_before_it() {
        let text = "幽州太守刘焉召校尉邹靖计议。靖曰：“贼兵众，我兵寡。”刘焉然其说。";
        assert_eq!(speakers(text), vec![some("邹靖")]);
        // Addressing someone (`谓`) keeps the subject; `与` makes two subjects.
        let text = "卢植兵五万。植谓玄德曰：“汝可引本部人马。”";
        assert_eq!(speakers(text), vec![some("卢植")]);
        let text = "皇甫嵩、朱儁领军拒贼。嵩与儁计曰：“当用火攻之。”";
        assert_eq!(speakers(text), vec![None]);
        // A one-character verb or a poem is not a short name.
        let text = "郭沫若有诗。诗曰“年进美金七千万”。";
        assert_eq!(speakers(text), vec![None]);
    }

    #[test]
    fn a_clause_of_only_a_predicate_takes_the_subject_of_its_sentence() {
        let text = "祖师道：“来。”\n悟空道：“是。”\n祖师闻言，暗喜道：“好。”\n祖师道：“来。”\n悟空听说，满心欢喜，朝上叩头道：“谢师父。”\n悟空道：“是。”";
        assert_eq!(
            speakers(text),
            vec![some("祖师"), some("悟空"), some("祖师"), some("祖师"), some("悟空"), some("悟空")]
        );
        // A new person in the clause stops the search.
        let text = "宝玉道：“走。”\n宝玉道：“好。”\n宝玉进了门，一个丫头笑道：“来了。”";
        assert_eq!(speakers(text), vec![some("宝玉"), some("宝玉"), None]);
    }

    #[test]
    fn a_clause_without_subject_after_a_quote_continues_its_speaker() {
        let text = "太尉道：“好。”\n太尉想道：“我且看看。”便对真人说道：“开门。”";
        assert_eq!(speakers(text), vec![some("太尉"), some("太尉"), some("太尉")]);
    }

    #[test]
    fn a_sentence_that_opens_with_a_person_and_leads_into_the_quote() {
        let text = "58岁的果农蒋秀兰家有杨梅树。她给记者算了一笔账：今年能收4000斤，“比前几年翻了一番还多”。";
        let q = quotes(text);
        assert_eq!(q[0].1, QuoteKind::Speech);
        assert_eq!(q[0].2, some("蒋秀兰"));
        let text = "72岁的志愿者柏玉珍每周都上门看望老人，“大家住在一个院子里，能搭把手就搭把手”。";
        assert_eq!(speakers(text), vec![some("柏玉珍")]);
        let text = "院长许嘉诚说：“行。”\n在他看来，资本涌入是主因，“不少玩家拿着钱就上产线，过于乐观”。";
        assert_eq!(speakers(text), vec![some("许嘉诚"), some("许嘉诚")]);
        // Something written is not said by the one who reads it.
        let text = "院长许嘉诚说：“行。”\n许嘉诚看见牌子上写着：“此路不通，请绕行。”";
        assert_eq!(speakers(text), vec![some("许嘉诚"), None]);
    }

    #[test]
    fn a_quote_paragraph_after_one_ending_in_a_colon_or_dash() {
        let text = "带他的是副主任杜宏斌。杜宏斌没有批评他，说了一句话——\n“急救没有捷径，就是练。”";
        assert_eq!(speakers(text), vec![some("杜宏斌")]);
        let text =
            "医生曾雯说：“快。”\n曾雯蹲在床边，一遍遍向家属解释：\n“耽误不得，每晚一分钟，危险就多一分。”";
        assert_eq!(speakers(text), vec![some("曾雯"), some("曾雯")]);
        // After a paragraph ending in `。` the speaker stays unknown.
        let text = "医生曾雯说：“快。”\n曾雯冲向车库。\n“走！”";
        assert_eq!(speakers(text), vec![some("曾雯"), None]);
    }

    #[test]
    fn quoted_terms_between_an_attribution_and_its_quote() {
        let text = "局长项建平表示，隧道通车后，新区将融入“半小时通勤圈”，“新区三分之一的人在老城上班，隧道会方便他们。”";
        assert_eq!(speakers(text), vec![None, some("项建平")]);
    }

    #[test]
    fn a_group_that_speaks_again_and_again_is_a_speaker() {
        let text = "众猴道：“好水！”\n石猴道：“没水！”\n众猴道：“你还进去吗？”";
        assert_eq!(speakers(text), vec![some("众猴"), some("石猴"), some("众猴")]);
        // Said once, a group stays unnamed.
        assert_eq!(speakers("众将道：“遵命。”"), vec![None]);
    }
}
