//! What the quote finder and the speaker rules read in a paragraph: characters and
//! clauses, names and titles, the pairs of quotation marks and the attribution clauses.

use std::ops::Range;
use std::sync::LazyLock;

use super::words::*;

pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Characters that, right after a name, make it part of a longer phrase (`张三的车`,
/// `张三和李四`, `张三们`, `张家`): the name alone is not the subject then.
pub(super) const JOINS_NAME: &str = "的和与與及同、等们們之家";

/// Whether `c` ends a sentence (`。！？!?…`).
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…')
}

pub(super) fn is_open(c: char) -> bool {
    matches!(c, '“' | '「')
}

pub(super) fn is_close(c: char) -> bool {
    matches!(c, '”' | '」')
}

/// Marks that end a clause for attribution (not `、`, which joins titles).
pub(super) fn is_clause_end(c: char) -> bool {
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
pub(super) type LastTwo = (char, Option<char>);

/// The last character of `s` and the one before it.
pub(super) fn last_two(s: &str) -> Option<LastTwo> {
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

pub(super) static TITLE_ENDS: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(TITLES));
pub(super) static VERB_ENDS: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(VERBS));
pub(super) static NOT_VERB_ENDS: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(NOT_VERBS));
pub(super) static MODIFIER_ENDS: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(MODIFIER_WORDS));
pub(super) static SURNAME_SET: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(SURNAMES.chars()));
pub(super) static MORE_SURNAME_SET: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(MORE_SURNAMES.chars()));

pub(super) fn is_surname(c: char) -> bool {
    SURNAME_SET.contains(c)
}

/// Whether `c` is the last character of one of the [`TITLES`].
pub(super) fn ends_a_title(c: char) -> bool {
    TITLE_ENDS.ends_one(c)
}

/// Whether `s` ends with one of the [`TITLES`].
pub(super) fn ends_with_title(s: &str) -> bool {
    TITLE_ENDS.longest_at_end(s).is_some()
}

/// The speech verb `clause` ends with: its byte length.
pub(super) fn verb_at_end(clause: &str) -> Option<usize> {
    // `告诉第一财经记者`: telling a reporter of any paper.
    if clause.ends_with("记者") || clause.ends_with("記者") {
        let tell = ["告诉", "告訴"].iter().filter_map(|t| clause.rfind(t)).max()?;
        return (chars(&clause[tell..]) <= 12).then(|| clause.len() - tell);
    }
    let v = VERB_ENDS.longest_at_end(clause)?;
    if NOT_VERB_ENDS.longest_at_end(clause).is_some_and(|n| n.len() > v.len()) {
        return None;
    }
    Some(v.len())
}

pub(super) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The first `n` characters of `s` (or `None` when it is shorter).
pub(super) fn take_chars(s: &str, n: usize) -> Option<&str> {
    match s.char_indices().nth(n) {
        Some((i, _)) => Some(&s[..i]),
        None => (chars(s) == n).then_some(s),
    }
}

/// Whether `s` may be a name on its own: two to four Han characters, none of the words
/// or starts that are not names.
pub(super) fn plausible_name(s: &str) -> bool {
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

pub(super) fn surname_len(s: &str) -> Option<usize> {
    if let Some(d) = DOUBLE_SURNAMES.iter().find(|d| s.starts_with(*d)) {
        return Some(d.len());
    }
    let c = s.chars().next()?;
    is_surname(c).then(|| c.len_utf8())
}

/// Strips the words that open a clause without being its subject.
pub(super) fn strip_leads(mut s: &str) -> &str {
    while let Some(l) = LEADS.iter().find(|l| s.starts_with(*l) && s.len() > l.len()) {
        s = &s[l.len()..];
    }
    s
}

/// Whether `s` is only modifiers of a verb (no subject in it).
pub(super) fn only_modifiers(mut s: &str) -> bool {
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
/// (`也`, `斩钉截铁地`, `在接受本报记者采访时`, `在《农书》中`, `向记者`).
pub(super) fn adverbial(tail: &str) -> bool {
    if tail.is_empty() || only_modifiers(tail) {
        return true;
    }
    let n = chars(tail);
    (tail.ends_with('地') && n <= 6)
        || (tail.ends_with('时') || tail.ends_with('時') || tail.ends_with('中'))
            && ["在", "接受", "于", "於"].iter().any(|p| tail.starts_with(p))
            && n <= 16
        || ["向", "对", "對", "跟", "给", "給"].iter().any(|p| tail.starts_with(p))
            && n <= 6
            && (tail.contains("记者") || tail.contains("記者"))
        || ["也", "还", "還", "则", "則", "又", "更", "曾", "再次", "一再", "反复", "反復"]
            .iter()
            .any(|p| tail.starts_with(p) && adverbial(&tail[p.len()..]))
}

/// Words of sending a message: by someone sent (`派人`, `遣使`) or by letter (`送信`, `写信`).
const SENDING: &[&str] = &[
    "派人",
    "遣人",
    "派使者",
    "遣使",
    "送信",
    "写信",
    "寫信",
    "修书",
    "修書",
    "致信",
    "去信",
    "捎信",
    "传话",
    "傳話",
    "带话",
    "帶話",
];

/// Whether what stands between a subject and its speech verb says the words were sent, by
/// someone sent or by letter, to one named (`派人给谢玄送信`, `赶快送信给苻坚`, `写信对他`):
/// the sender speaks them. Words of manner may come first (`赶快`, `又`).
pub(super) fn by_messenger(tail: &str) -> bool {
    // The words of sending stand within the first few characters (after words of manner).
    let sending = |i: usize| SENDING.iter().find(|w| tail[i..].starts_with(*w)).map(|w| (i, *w));
    let Some((i, w)) = tail.char_indices().take(5).find_map(|(i, _)| sending(i)) else {
        return false;
    };
    let how = &tail[..i];
    if !(only_modifiers(how)
        || ["赶快", "趕快", "赶紧", "趕緊", "立即", "连夜", "連夜", "随即", "隨即"].contains(&how))
    {
        return false;
    }
    let rest = &tail[i + w.len()..];
    let Some(rest) = ["给", "給", "对", "對", "向", "与", "與"].iter().find_map(|m| rest.strip_prefix(m))
    else {
        return rest.is_empty();
    };
    let whom = SENDING.iter().find_map(|w| rest.strip_suffix(w)).unwrap_or(rest);
    (1..=5).contains(&chars(whom)) && whom.chars().all(|c| is_han(c) && !"的地着著了".contains(c))
}

/// Whether a title chain describes the speaker rather than naming a post: it ends in one of
/// [`STATUS_WORDS`] (`老城区居民`; `社区党委书记、居委会主任` is a title).
pub(super) fn is_description(chain: &str) -> bool {
    STATUS_WORDS.iter().any(|w| chain.ends_with(w))
}

/// The title chain before a name, cleaned of ages and descriptions
/// (`监控中心值班长、今年26岁的` → `监控中心值班长`).
pub(super) fn title_chain(before: &str) -> Option<String> {
    let parts: Vec<&str> = before
        .split('、')
        .map(|p| p.rsplit_once('的').map_or(p, |(_, t)| t))
        .filter(|p| !p.is_empty() && !p.chars().any(|c| c.is_ascii_digit() || c == '岁' || c == '歲'))
        .collect();
    let last = parts.last()?;
    ends_with_title(last).then(|| parts.join("、"))
}

/// `问小喽啰：“`, `喝那后生：“`: a verb of addressing and the one addressed (one to five
/// characters) before a colon and a quote; or `叙述木制活字：“`, a verb of telling or
/// writing and what it is about (one to eight); where the verb starts in `clause`.
pub(super) fn verb_before_object(clause: &str) -> Option<usize> {
    let last = |verbs: &'static [&'static str], most: usize| {
        verbs.iter().filter_map(|v| clause.rfind(v).map(|i| (i, *v, most))).max_by_key(|&(i, ..)| i)
    };
    let (i, v, most) =
        [last(ADDRESSING_VERBS, 5), last(WRITING_VERBS, 8)].into_iter().flatten().max_by_key(|&(i, ..)| i)?;
    let object = &clause[i + v.len()..];
    let fits = (1..=most).contains(&chars(object))
        && object.chars().all(is_han)
        && !object.contains(['的', '说', '說', '道', '曰'])
        && NOT_VERB_ENDS.longest_at_end(&clause[..i + v.len()]).is_none_or(|n| n.len() <= v.len());
    fits.then_some(i)
}

/// Every top-level pair of marks in one paragraph, in order.
pub(super) fn pairs(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
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
pub(super) struct Attribution {
    pub(super) clause_start: usize,
    pub(super) verb_start: usize,
    /// Where the mark after the verb is, and the mark (`None` at the paragraph's end).
    pub(super) after: usize,
    pub(super) mark: Option<char>,
}

/// The attribution clauses of one paragraph, outside its quotes.
pub(super) fn attributions(text: &str, para: Range<usize>, quotes: &[Range<usize>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut clause_start = para.start;
    let mut qi = 0;
    let mut iter = text[para.clone()].char_indices().peekable();
    let push = |clause_start: usize, at: usize, mark: Option<char>, out: &mut Vec<Attribution>| {
        let clause = &text[clause_start..at];
        if let Some(v) = verb_at_end(clause) {
            out.push(Attribution { clause_start, verb_start: at - v, after: at, mark });
        } else if let Some(m @ (':' | '：')) = mark
            && text[at + m.len_utf8()..].starts_with(is_open)
            && let Some(v) = verb_before_object(clause)
        {
            out.push(Attribution { clause_start, verb_start: clause_start + v, after: at, mark });
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

/// Whether `tail` names only the one spoken to (`对仆人`, `就向掌柜的`, `问他`), after
/// words that say how.
pub(super) fn to_whom(tail: &str) -> bool {
    let mut tail = tail;
    while let Some(c) = tail.chars().next().filter(|c| "就便又还還也却卻只忙连連先再".contains(*c))
    {
        tail = &tail[c.len_utf8()..];
    }
    // `回答苻融`, `提醒众人`: a verb of answering or telling before the one told.
    if let Some(v) = ANSWERING.iter().find(|v| tail.starts_with(*v)) {
        let whom = &tail[v.len()..];
        return (1..=5).contains(&chars(whom))
            && whom.chars().all(|c| is_han(c) && !"的地着著了".contains(c));
    }
    let mut cs = tail.chars();
    let Some(first) = cs.next() else { return false };
    let whom = cs.as_str();
    let body = whom.strip_suffix('的').unwrap_or(whom);
    ADDRESSED.contains(first)
        && (1..=5).contains(&chars(whom))
        && !body.is_empty()
        && body.chars().all(|c| is_han(c) && !"的地着著了".contains(c))
}

/// Verbs of answering or telling that take the one told before the speech verb
/// (`他回答苻融说`).
const ANSWERING: &[&str] = &["回答", "答复", "答覆", "回复", "回覆", "提醒", "劝告", "勸告", "告诫", "告誡"];

/// Characters after which the one spoken to stands before the verb (`对仆人说`).
const ADDRESSED: &str = "对對向跟朝冲衝问問";
