//! Headings and sections: which blocks are the title, subtitle, headings and byline.
//!
//! Measured on the labelled corpus (`tests/corpus/`, `cargo run --release --example eval`):
//! every rule below holds on news reports, official documents, encyclopedia articles and
//! novels alike, never on one text. Families of headings, by rules on a block's own text
//! and its neighbours, never by line numbers:
//! - novel chapters: `第一回 …`, `第十二章`, `第3节`, `卷一`, `序章`, `楔子`, `尾声`, `番外`,
//!   `目录` … (Chinese, Arabic or financial numerals; a title after a space; a web download's
//!   `正文 ` before the marker), and numbers alone on their lines (`一`, `01`) that run in
//!   sequence;
//! - numbered headings: `一、…`, `（一）…`, `1. …`, `1 历史`, `2.1 含义` (level by style and
//!   depth). Numbers follow their sequence rather than a length limit: a strict line
//!   (short, a title, no sentence end) heads a section on its own; lines whose numbers run
//!   1, 2, 3 … under the same parent head sections even when long or ending in `。`, as
//!   long as each is one sentence (a run-in `（一）` opening a paragraph is not); lines that
//!   follow each other directly are a list, unless they go on with a run under way (`8
//!   注释`, `9 参考文献` at an article's end);
//! - the title of a document a notice carries: a line named earlier in 《》;
//! - Markdown `#` headings in `.md` files (the `#` markup and wrapping emphasis are left
//!   out of the block's range, so they are not shown).
//!
//! A heading line that comes again further on is an entry of a table of contents and heads
//! nothing where it is listed.
//!
//! When none of these is found the news rules apply: the first line that is not a rule or a
//! site's notice is the title when short (it may ask or exclaim), a short second line its
//! subtitle; a short line before a paragraph (or before a short sentence) is a section
//! heading, two short lines before a paragraph one heading set over two lines, and a short
//! last line naming reporters the byline. Lines that lead in (`：`, `——`), dialogue
//! (`“那我们下午再来。”`), captions, datelines, sources and editors' notes never head.
//!
//! Work is proportional to the number of blocks: every test looks at the first few
//! characters of a block or rejects it by its byte length, so a 50 MB novel classifies
//! in a few milliseconds.

use std::collections::HashMap;

use super::{Block, BlockKind, Heading};

/// Longest block (in characters) that can be a title, subtitle or heading.
const MAX_HEADING_CHARS: usize = 40;

/// Longest chapter line in characters (`第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀` is 21).
const MAX_CHAPTER_CHARS: usize = 50;

/// Longest numbered heading in characters.
const MAX_NUMBERED_CHARS: usize = 30;

/// Whether `s` has at most `max` characters, deciding by byte length when it can.
fn at_most_chars(s: &str, max: usize) -> bool {
    s.len() <= max || (s.len() <= 4 * max && s.chars().count() <= max)
}

fn is_short_line(s: &str) -> bool {
    at_most_chars(s, MAX_HEADING_CHARS)
        && !s.ends_with(['。', '！', '？', '；', '.', '!', '?', ';', ':', '：', ',', '，', '…'])
}

fn is_byline(s: &str) -> bool {
    // Columns named after the reporter are headings: 记者手记, 记者观察 ….
    const COLUMNS: &[&str] =
        &["记者手记", "记者观察", "记者调查", "记者札记", "记者点评", "记者追踪", "编辑手记", "编者按"];
    at_most_chars(s, 80)
        && !COLUMNS.iter().any(|c| s.starts_with(c) && at_most_chars(s, 12))
        && ["记者", "通讯员", "编辑", "作者", "来源"].iter().any(|w| s.contains(w))
        && !s.ends_with('。')
}

/// Digits of every kind used to number chapters and headings.
fn is_numeral(c: char) -> bool {
    is_cjk_numeral(c) || c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Chinese and financial (大写) numerals.
fn is_cjk_numeral(c: char) -> bool {
    "零〇一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟".contains(c)
}

fn is_ascii_or_wide_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// What may stand between a chapter marker and its title.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\u{3000}'
            | '\u{a0}'
            | '：'
            | ':'
            | '、'
            | '.'
            | '．'
            | '·'
            | '—'
            | '-'
            | '_'
            | '（'
            | '('
            | '【'
            | '['
            | '《'
            | '「'
    )
}

/// The text after a run of characters matching `f` at the start of `s`, and the run's length.
fn skip_while(s: &str, f: impl Fn(char) -> bool) -> (&str, usize) {
    let rest = s.trim_start_matches(&f);
    (rest, s.len() - rest.len())
}

/// The tiers of novel structure, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Volume,
    Chapter,
    Section,
    /// 序章, 楔子, 尾声, 后记, 番外 …: placed at the outermost tier the text uses.
    Special,
}

const SPECIALS: &[&str] = &[
    "序章", "序言", "序幕", "自序", "代序", "楔子", "引子", "引言", "前言", "尾声", "终章", "后记", "跋",
    "番外", "附录", "结语", "序",
];

/// Whether `doc` reads as a novel: a heading is a chapter line (第一回, 第三章, 卷一 …) and
/// no paragraph is an article of a regulation (第一条), whose 第一章 总则 is no chapter of a
/// story.
pub fn has_novel_chapters(doc: &super::Document) -> bool {
    let mut chapters = false;
    for (i, b) in doc.blocks.iter().enumerate() {
        let s = doc.block_text(i).trim();
        if let Some(r) = s.strip_prefix('第') {
            let (rest, n) = skip_while(r, is_numeral);
            if n > 0 && rest.starts_with(['条', '條']) {
                return false;
            }
        }
        if matches!(b.kind, super::BlockKind::Heading { .. })
            && chapter(s).is_some_and(|t| t != Tier::Special)
        {
            chapters = true;
        }
    }
    chapters
}

/// A chapter line's tier, when `s` is one: the marker, then the end or a separator and
/// a title. `第四回中既将…` is a sentence, not a heading: 中 follows the marker directly.
fn chapter(s: &str) -> Option<Tier> {
    // Longer than any chapter line with its prefix: a paragraph (decided by length alone).
    if s.len() > 4 * (MAX_CHAPTER_CHARS + 8) {
        return None;
    }
    let s = strip_chapter_prefix(s);
    if !at_most_chars(s, MAX_CHAPTER_CHARS)
        || s.contains('。')
        || s.ends_with(['，', ',', '；', ';', '：', ':'])
    {
        return None;
    }
    let after_marker = |rest: &str| rest.is_empty() || rest.starts_with(is_separator);
    if let Some(r) = s.strip_prefix('第') {
        let (rest, n) = skip_while(r, is_numeral);
        if n == 0 {
            return None;
        }
        // 第一部分 is a part of a report or a book, like 第一部.
        let (unit, after) = match rest.strip_prefix("部分") {
            Some(r) => ('部', r),
            None => {
                let mut chars = rest.chars();
                (chars.next()?, chars.as_str())
            }
        };
        let tier = match unit {
            '卷' | '部' | '篇' | '编' | '集' => Tier::Volume,
            '章' | '回' | '话' | '幕' | '折' | '讲' => Tier::Chapter,
            '节' => Tier::Section,
            _ => return None,
        };
        return after_marker(after).then_some(tier);
    }
    if let Some(r) = s.strip_prefix('卷') {
        let (rest, n) = skip_while(r.trim_start_matches([' ', '\u{3000}']), is_numeral);
        return (n > 0 && after_marker(rest)).then_some(Tier::Volume);
    }
    for w in SPECIALS {
        if let Some(rest) = s.strip_prefix(w) {
            // 番外一, 番外篇, 后记：…; but not 序列号 or 后记得.
            let (rest, _) = skip_while(rest, is_numeral);
            let rest = rest.strip_prefix('篇').unwrap_or(rest);
            if after_marker(rest) {
                return Some(Tier::Special);
            }
        }
    }
    None
}

/// A chapter line as web downloads set it, after a short word and a space (`正文 第一回 …`,
/// `目录 第二章`): the line from `第` on. Other lines are returned as they are.
fn strip_chapter_prefix(s: &str) -> &str {
    // The prefix is a few characters: look no further than its longest (and a space).
    let head = s.char_indices().nth(8).map_or(s, |(i, _)| &s[..i]);
    let Some(space) = head.find([' ', '\u{3000}']) else { return s };
    let (prefix, rest) = s.split_at(space);
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    let short = prefix.chars().count() <= 6 && !prefix.contains(is_numeral);
    let marker = rest.starts_with('第') || SPECIALS.iter().any(|w| rest.starts_with(w));
    if short && !prefix.is_empty() && marker { rest } else { s }
}

/// Numbering styles of report and paper headings, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Numbering {
    /// A number alone on its line (`一`, `01`): novels' chapters.
    Bare,
    /// 一、
    Cjk,
    /// （一）
    CjkParen,
    /// 1. / 1、 / 1 / 2.1 / 2.1.3: the depth (1 for `1.`).
    Arabic(u8),
    /// （1）
    ArabicParen,
}

/// The numbering style of `s` when it is a short numbered line with a title.
fn numbered(s: &str) -> Option<Numbering> {
    if !at_most_chars(s, MAX_NUMBERED_CHARS)
        || s.ends_with(['。', '；', ';', '，', ',', '：', ':', '…'])
        || s.contains('。')
    {
        return None;
    }
    let (style, _, _, rest) = numbering_of(s)?;
    is_heading_title(rest.trim_start_matches([' ', '\t', '\u{3000}'])).then_some(style)
}

/// A Markdown ATX heading: its level and the byte range of its text inside `s`, without
/// the `#` markup, a closing `#` run or emphasis wrapping the whole text.
fn markdown_heading(s: &str) -> Option<(u8, usize, usize)> {
    let (rest, hashes) = skip_while(s, |c| c == '#');
    if hashes == 0 || hashes > 6 || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut inner = rest.trim_matches([' ', '\t']);
    // A closing run of #s counts only after a space (`# C#` keeps its #).
    let closed = inner.trim_end_matches('#');
    if closed.is_empty() || closed.ends_with([' ', '\t']) {
        inner = closed.trim_end_matches([' ', '\t']);
    }
    for marker in ["**", "__", "*", "_"] {
        if inner.len() > 2 * marker.len() && inner.starts_with(marker) && inner.ends_with(marker) {
            inner = &inner[marker.len()..inner.len() - marker.len()];
            break;
        }
    }
    if inner.is_empty() {
        return None;
    }
    let start = inner.as_ptr() as usize - s.as_ptr() as usize;
    Some((hashes as u8, start, start + inner.len()))
}

/// Classifies Markdown headings in place; returns the outline, empty when the text has
/// no `#` headings (then the plain-text rules apply).
fn classify_markdown(text: &str, blocks: &mut [Block]) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut fence: Option<&str> = None;
    for (i, b) in blocks.iter_mut().enumerate() {
        let s = &text[b.start..b.end];
        if let Some(f) = fence {
            if s.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if s.starts_with("```") || s.starts_with("~~~") {
            fence = Some(&s[..3]);
            continue;
        }
        // Indented by four spaces or a tab: a code block, not a heading.
        let line_start = text[..b.start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let indent = &text[line_start..b.start];
        if indent.starts_with("    ") || indent.starts_with('\t') {
            continue;
        }
        if let Some((level, start, end)) = markdown_heading(s) {
            let base = b.start;
            b.start = base + start;
            b.end = base + end;
            b.kind = BlockKind::Heading { level };
            headings.push(Heading { level, block: i });
        }
    }
    // One level-1 heading at the very top is the document's title.
    let ones = headings.iter().filter(|h| h.level == 1).count();
    if ones == 1 && headings.first().is_some_and(|h| h.level == 1 && h.block == 0) {
        blocks[0].kind = BlockKind::Title;
    }
    headings
}

/// What a block may be, from its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Candidate {
    Chapter(Tier),
    Numbered(Numbering),
    /// The title of a document a notice carries (`现将《…方案》印发给你们` … `…方案`).
    Attached,
}

/// Rank of a candidate: smaller is outer. An attached document's title is outermost,
/// then chapters, then numbered headings; special chapters (序章, 尾声, 目录) take the rank
/// `special`, that of the outermost other heading.
fn rank(c: Candidate, special: u8) -> u8 {
    match c {
        Candidate::Attached => 0,
        Candidate::Chapter(Tier::Special) => special,
        Candidate::Chapter(t) => 1 + t as u8,
        Candidate::Numbered(Numbering::Bare) => 1 + Tier::Section as u8,
        Candidate::Numbered(Numbering::Cjk) => 10,
        Candidate::Numbered(Numbering::CjkParen) => 11,
        Candidate::Numbered(Numbering::Arabic(d)) => 11 + d.min(8),
        Candidate::Numbered(Numbering::ArabicParen) => 20,
    }
}

/// `s` as compared for repeats: full-width ASCII made narrow, spaces left out.
fn folded(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Lines at the start of a file that are not its title: rules of `=` or `*`, and a
/// download site's notice (a web address).
fn is_decoration(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
        || s.contains("http://")
        || s.contains("https://")
        || s.contains("www.")
}

/// A numbered line of any length: its style, its number (the last part of `2.1.3`), and
/// whether it passes the strict test of [`numbered`] (short, a title, no sentence end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Numbered {
    style: Numbering,
    value: u32,
    /// The numbers before the last one (`2.1` for `2.1.3`), folded into one: a number goes
    /// on with a run only under the same parent.
    parent: u64,
    strict: bool,
    /// One sentence at most: no sentence end before its last character. A numbered line
    /// that goes on after a sentence is a paragraph with a run-in number, not a heading.
    alone: bool,
}

/// Longest numbered line (in characters) that can head a section when its number
/// continues a sequence of headings.
const MAX_SEQUENCE_CHARS: usize = 50;

/// Reads the number and style at the start of `s`, whatever follows.
fn numbering_of(s: &str) -> Option<(Numbering, u32, u64, &str)> {
    if let Some(r) = s.strip_prefix(['（', '(']) {
        let (rest, n) = skip_while(r, is_numeral);
        let rest = rest.strip_prefix(['）', ')'])?;
        let digits = &r[..n];
        let value = numeral_value(digits)?;
        let style = if digits.chars().all(is_ascii_or_wide_digit) {
            Numbering::ArabicParen
        } else {
            Numbering::CjkParen
        };
        return Some((style, value, 0, rest));
    }
    let (rest, n) = skip_while(s, is_cjk_numeral);
    if n > 0 {
        let rest = rest.strip_prefix('、')?;
        return Some((Numbering::Cjk, numeral_value(&s[..n])?, 0, rest));
    }
    let mut depth = 0u8;
    let mut rest = s;
    let mut value = 0;
    let mut parent = 0u64;
    loop {
        if depth > 0 {
            parent = parent.wrapping_mul(1000).wrapping_add(u64::from(value) + 1);
        }
        let (r, n) = skip_while(rest, is_ascii_or_wide_digit);
        if n == 0 || n > 3 {
            return None;
        }
        value = numeral_value(&rest[..n])?;
        depth += 1;
        rest = r;
        match rest.strip_prefix(['.', '．']) {
            Some(r) if r.starts_with(is_ascii_or_wide_digit) => rest = r,
            Some(r) => return Some((Numbering::Arabic(depth), value, parent, r)),
            None => break,
        }
    }
    if depth == 1
        && let Some(r) = rest.strip_prefix('、')
    {
        return Some((Numbering::Arabic(1), value, parent, r));
    }
    // Without a final dot a space must follow: `2023年` is not a heading.
    rest.starts_with([' ', '\t', '\u{3000}']).then_some((Numbering::Arabic(depth), value, parent, rest))
}

/// A line that is nothing but a number (`一`, `十二`, `01`, `3`): a chapter of a novel
/// numbered without 第 and 章, when such lines follow each other in sequence.
fn bare_number(s: &str) -> Option<u32> {
    if !at_most_chars(s, 4) || !s.chars().all(|c| is_numeral(c) && !"百千万两".contains(c)) {
        return None;
    }
    numeral_value(s)
}

/// The value of a number written in digits or in Chinese numerals (up to the thousands).
fn numeral_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(is_ascii_or_wide_digit) {
        return s.chars().try_fold(0u32, |v, c| {
            let d = c.to_digit(10).or_else(|| (c as u32).checked_sub('０' as u32).filter(|d| *d < 10))?;
            v.checked_mul(10)?.checked_add(d)
        });
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '零' | '〇' => 0,
            '一' | '壹' => 1,
            '二' | '两' | '贰' => 2,
            '三' | '叁' => 3,
            '四' | '肆' => 4,
            '五' | '伍' => 5,
            '六' | '陆' => 6,
            '七' | '柒' => 7,
            '八' | '捌' => 8,
            '九' | '玖' => 9,
            _ => return None,
        })
    };
    let (mut total, mut current) = (0u32, 0u32);
    let mut any_unit = false;
    for c in s.chars() {
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            '万' => 10_000,
            _ => {
                current = current.checked_mul(if any_unit { 1 } else { 10 })?.checked_add(digit(c)?)?;
                continue;
            }
        };
        any_unit = true;
        total = total.checked_add(current.max(1).checked_mul(unit)?)?;
        current = 0;
    }
    total.checked_add(current)
}

/// Whether what follows a heading's number can be its title: not empty, not another
/// number in a list (`1、2、3`), not a footnote's back-link (`1. ^ 《资治通鉴》`).
fn is_heading_title(t: &str) -> bool {
    let (after_digits, n) = skip_while(t, is_numeral);
    let listed = n > 0 && after_digits.starts_with(['、', '.', '．', ',', '，']);
    let bare = n > 0 && after_digits.is_empty();
    !(t.is_empty() || listed || bare || t.starts_with(['^', '↑']))
}

/// A numbered line's style, number and strictness.
fn numbered_line(s: &str) -> Option<Numbered> {
    if !at_most_chars(s, MAX_SEQUENCE_CHARS) {
        return None;
    }
    let (style, value, parent, rest) = numbering_of(s)?;
    let t = rest.trim_start_matches([' ', '\t', '\u{3000}']);
    if !is_heading_title(t) {
        return None;
    }
    let body = s.trim_end_matches(SENTENCE_ENDS);
    let alone = !body.contains(SENTENCE_ENDS);
    Some(Numbered { style, value, parent, strict: numbered(s) == Some(style), alone })
}

/// Punctuation that ends a sentence.
const SENTENCE_ENDS: [char; 8] = ['。', '！', '？', '；', '!', '?', ';', '…'];

/// Classifies blocks in place and returns the outline (title, then headings).
///
/// `markdown`: the text is a `.md` file, whose `#` headings win over the other rules.
pub fn classify(text: &str, blocks: &mut [Block], markdown: bool) -> Vec<Heading> {
    let n = blocks.len();
    if n == 0 {
        return Vec::new();
    }
    if markdown {
        let headings = classify_markdown(text, blocks);
        if !headings.is_empty() {
            return headings;
        }
    }
    let t = |b: &Block| &text[b.start..b.end];
    // What each block may be, in one pass over the text (each pass over a big text's
    // blocks costs a cache miss per block).
    let mut chapters: Vec<Option<Tier>> = Vec::with_capacity(n);
    let mut numbered_lines: Vec<Option<Numbered>> = Vec::with_capacity(n);
    let mut styles: Vec<Option<Numbering>> = Vec::with_capacity(n);
    let mut attached: Vec<bool> = Vec::with_capacity(n);
    let mut titles = AttachedTitles::new();
    for b in blocks.iter() {
        let s = t(b);
        attached.push(titles.feed(s) && !attached.is_empty());
        let marked = chapter(s);
        let ch = marked.or_else(|| {
            (at_most_chars(s, 6) && matches!(folded(s).as_str(), "目录" | "目次")).then_some(Tier::Special)
        });
        let numbered = if marked.is_some() {
            None
        } else {
            numbered_line(s).or_else(|| {
                bare_number(s).map(|value| Numbered {
                    style: Numbering::Bare,
                    value,
                    parent: 0,
                    strict: false,
                    alone: true,
                })
            })
        };
        chapters.push(ch);
        styles.push(numbered.map(|l| l.style).or_else(|| numbering_of(s).map(|(style, ..)| style)));
        numbered_lines.push(numbered);
    }
    // A table of contents: a heading line that comes again further on heads nothing where
    // it is listed.
    let mut last_seen: HashMap<String, usize> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if chapters[i].is_some() || numbered_lines[i].is_some() {
            last_seen.insert(folded(t(b)), i);
        }
    }
    let listed =
        |i: usize| chapters[i].is_some() || numbered_lines[i].is_some_and(|l| l.style != Numbering::Bare);
    let toc: Vec<usize> = (0..n)
        .filter(|&i| {
            listed(i)
                && (i.checked_sub(1).is_some_and(listed) || (i + 1 < n && listed(i + 1)))
                && last_seen.get(&folded(t(&blocks[i]))).is_some_and(|&j| j > i)
        })
        .collect();
    for i in toc {
        chapters[i] = None;
        numbered_lines[i] = None;
        styles[i] = None;
    }
    let accepted = accept_numbered(&numbered_lines, &styles);
    let structural: Vec<(usize, Candidate)> = (0..n)
        .filter_map(|i| {
            let c = if let Some(tier) = chapters[i] {
                Candidate::Chapter(tier)
            } else if accepted[i] {
                Candidate::Numbered(numbered_lines[i]?.style)
            } else if attached[i] {
                Candidate::Attached
            } else {
                return None;
            };
            Some((i, c))
        })
        .collect();

    let mut headings = Vec::new();
    if n > 1 && numbered_lines[n - 1].is_none() && is_byline(t(&blocks[n - 1])) {
        blocks[n - 1].kind = BlockKind::Byline;
    }
    // The title is the first line that is not a rule or a site's notice.
    let top = blocks.iter().position(|b| !is_decoration(t(b))).unwrap_or(0);
    let mut first_body = 0;
    let heading_at = |i: usize| structural.iter().any(|&(j, _)| j == i);
    if !heading_at(top) && top + 1 < n && is_title_line(t(&blocks[top])) {
        blocks[top].kind = BlockKind::Title;
        headings.push(Heading { level: 1, block: top });
        first_body = top + 1;
        let sub = top + 1;
        if sub + 1 < n
            && !heading_at(sub)
            && is_title_line(t(&blocks[sub]))
            && !is_short_line(t(&blocks[sub + 1]))
        {
            blocks[sub].kind = BlockKind::Subtitle;
            first_body = sub + 1;
        }
    }
    let base = if headings.is_empty() { 1 } else { 2 };

    if !structural.is_empty() {
        let special = structural
            .iter()
            .filter(|&&(_, c)| !matches!(c, Candidate::Chapter(Tier::Special) | Candidate::Attached))
            .map(|&(_, c)| rank(c, 0))
            .min()
            .unwrap_or(1 + Tier::Chapter as u8);
        let mut ranks: Vec<u8> = structural.iter().map(|&(_, c)| rank(c, special)).collect();
        ranks.sort_unstable();
        ranks.dedup();
        for (i, c) in structural {
            if i < first_body {
                continue;
            }
            let r = rank(c, special);
            let depth = ranks.partition_point(|&x| x < r) as u8;
            let level = base + depth;
            blocks[i].kind = BlockKind::Heading { level };
            headings.push(Heading { level, block: i });
            // A chapter marker alone on its line (`第一回`) with its title on the next.
            if matches!(c, Candidate::Chapter(_))
                && chapter_marker_only(t(&blocks[i]))
                && blocks
                    .get(i + 1)
                    .is_some_and(|b| is_short_line(t(b)) && blocks[i + 1].kind == BlockKind::Body)
            {
                blocks[i + 1].kind = BlockKind::Heading { level };
            }
        }
        return headings;
    }

    news_headings(text, blocks, first_body, &mut headings);
    headings
}

/// The titles of documents that the text carries: a short line whose words were named
/// earlier in 《》 (`现将《国家职业教育改革实施方案》印发给你们` … `国家职业教育改革实施方案`),
/// spaces aside (`国 务 院 工 作 规 则`). Fed block by block, in order.
struct AttachedTitles {
    named: std::collections::HashSet<String>,
    open_mark: memchr::memmem::Finder<'static>,
}

impl AttachedTitles {
    fn new() -> Self {
        AttachedTitles { named: Default::default(), open_mark: memchr::memmem::Finder::new("《") }
    }

    /// Whether block `s` is the title of a document named before it; then notes the names
    /// it gives in 《》.
    fn feed(&mut self, s: &str) -> bool {
        let attached =
            !self.named.is_empty() && at_most_chars(s, MAX_HEADING_CHARS) && self.named.contains(&folded(s));
        let mut rest = s;
        while let Some(open) = self.open_mark.find(rest.as_bytes()) {
            let after = &rest[open + '《'.len_utf8()..];
            let Some(close) = after.find('》') else { break };
            let name = &after[..close];
            if at_most_chars(name, MAX_HEADING_CHARS) {
                self.named.insert(folded(name));
            }
            rest = &after[close..];
        }
        attached
    }
}

/// Which numbered lines head sections: their numbers run in sequence (1, 2, 3 …, each
/// style counted on its own, a 1 starting a new run), and
/// - a run of two or more whose lines each stand alone (one sentence at most) heads
///   sections, long or ending in 。 as they may be (`（一）…。` standing alone, a long
///   `四、…` between `三、` and `五、`);
/// - a strict line (short, a title, no sentence end) heads a section on its own;
/// - lines that follow each other directly and start a new run are a list, not headings,
///   unless they go on with a run already under way (`8 注释`, `9 参考文献`, `10 外部链接`
///   at the end of an encyclopedia article).
///
/// `styles` holds every line's numbering style whatever its length, for finding lists.
fn accept_numbered(lines: &[Option<Numbered>], styles: &[Option<Numbering>]) -> Vec<bool> {
    let n = lines.len();
    let mut accepted = vec![false; n];
    let adjacent_same = |i: usize, j: usize| matches!((styles.get(i).copied().flatten(), styles.get(j).copied().flatten()), (Some(a), Some(b)) if a == b);
    // Lists: runs of adjacent lines of one style. Each run is kept whole or dropped whole.
    let mut in_list = vec![false; n];
    let mut i = 0;
    while i < n {
        if styles[i].is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n && adjacent_same(j, j + 1) {
            j += 1;
        }
        if j > i {
            in_list[i..=j].fill(true);
        }
        i = j + 1;
    }
    // Runs of numbers in sequence, per style.
    let mut distinct: Vec<Numbering> = lines.iter().flatten().map(|l| l.style).collect();
    distinct.sort();
    distinct.dedup();
    for style in distinct {
        let members: Vec<usize> = (0..n).filter(|&i| lines[i].is_some_and(|l| l.style == style)).collect();
        // The sequence runs: indices into `members`.
        let mut runs: Vec<Vec<usize>> = Vec::new();
        // Runs by the (parent, number) they wait for next, so finding a run is not a walk
        // over all of them (a novel has thousands of one-line runs).
        let mut waiting: HashMap<(u64, u32), Vec<usize>> = HashMap::new();
        let mut run_of: HashMap<usize, usize> = HashMap::new();
        for &i in &members {
            let Some(l) = lines[i] else { continue };
            let candidates = waiting.get(&(l.parent, l.value)).map(Vec::as_slice).unwrap_or_default();
            // A list item goes on with the item just above it, or starts a run of its own.
            let above = i
                .checked_sub(1)
                .filter(|&p| in_list[i] && in_list[p] && lines[p].is_some_and(|l| l.style == style))
                .and_then(|p| run_of.get(&p).copied())
                .filter(|r| candidates.contains(r));
            // Else the latest run ending in the number before it, a run outside lists first
            // (a list's `6.` does not take a section's `7`).
            let last_outside = |&&r: &&usize| runs[r].last().is_some_and(|&p: &usize| !in_list[p]);
            let pick = above
                .or_else(|| candidates.iter().filter(last_outside).max().copied())
                .or_else(|| candidates.iter().max().copied());
            let r = match pick {
                Some(r) => {
                    if let Some(v) = waiting.get_mut(&(l.parent, l.value)) {
                        v.retain(|&x| x != r);
                    }
                    runs[r].push(i);
                    r
                }
                None => {
                    runs.push(vec![i]);
                    runs.len() - 1
                }
            };
            run_of.insert(i, r);
            if let Some(next) = l.value.checked_add(1) {
                waiting.entry((l.parent, next)).or_default().push(r);
            }
        }
        for run in runs {
            let standing = |i: usize| lines[i].is_some_and(|l| l.strict || l.alone);
            // Members outside lists, and list members that continue the run after it
            // has shown itself outside a list.
            let mut seen_outside = false;
            let mut keep = Vec::new();
            for &i in &run {
                if !in_list[i] {
                    seen_outside = true;
                    keep.push(i);
                } else if seen_outside {
                    keep.push(i);
                }
            }
            let headed = keep.len() >= 2 && keep.iter().all(|&i| standing(i));
            for &i in &keep {
                let strict_alone = lines[i].is_some_and(|l| l.strict && l.style != Numbering::Bare);
                if headed || (strict_alone && !in_list[i] && i + 1 < n) {
                    accepted[i] = true;
                }
            }
        }
    }
    accepted
}

/// `第一回` or `第十二章` with nothing after the marker.
fn chapter_marker_only(s: &str) -> bool {
    let s = strip_chapter_prefix(s);
    s.strip_prefix('第').is_some_and(|r| {
        let (rest, n) = skip_while(r, is_numeral);
        n > 0 && rest.chars().count() == 1
    })
}

/// Whether a line can be a text's title: short, not a line that only leads in, speaks,
/// captions or dates what follows.
fn is_title_line(s: &str) -> bool {
    (is_short_line(s) || is_short_exclaim(s)) && !is_furniture(s)
}

/// A short line ending in ？ or ！ (titles and headings may ask or exclaim).
fn is_short_exclaim(s: &str) -> bool {
    at_most_chars(s, MAX_HEADING_CHARS) && s.ends_with(['？', '！', '?', '!']) && !is_dialogue(s)
}

/// A line of dialogue: it opens with a quotation mark and ends inside one, or ends with a
/// sentence closed inside quotation marks (`“那我们下午再来。”`).
fn is_dialogue(s: &str) -> bool {
    let closes = s.ends_with(['”', '」', '』', '"', '’']);
    let opens = s.starts_with(['“', '「', '『', '"', '‘']);
    let before_close = s.trim_end_matches(['”', '」', '』', '"', '’']);
    closes && (opens || before_close.ends_with(SENTENCE_ENDS) || before_close.ends_with(['，', ',']))
}

/// Page furniture that is never a heading: datelines, bylines, captions, sources, editors'
/// notes, picture credits, and lines that lead into what follows.
fn is_furniture(s: &str) -> bool {
    const STARTS: &[&str] = &[
        "图注",
        "图片来源",
        "图片",
        "图为",
        "图：",
        "图:",
        "▲",
        "△",
        "来源：",
        "来源:",
        "责任编辑",
        "编辑：",
        "编辑:",
        "编者按",
        "本报讯",
        "新华社",
        "（记者",
        "(记者",
        "记者 ",
        "记者　",
        "本报记者",
        "通讯员",
        "作者：",
        "作者:",
        "原标题",
        "相关链接",
        "链接：",
        "资料图",
        "更新时间",
        "本章字数",
        "（完）",
        "(完)",
    ];
    const ENDS: &[&str] =
        &["摄", "摄）", "摄)", "供图", "供图）", "资料图", "资料图）", "电", "（完）", "(完)"];
    s.ends_with(['：', ':'])
        || s.ends_with("——")
        || s.ends_with("……")
        || is_dialogue(s)
        || STARTS.iter().any(|w| s.starts_with(w))
        || ENDS.iter().any(|w| s.ends_with(w))
        || is_byline(s)
        || is_dateline(s)
        || (s.starts_with(['（', '(']) && s.ends_with(['）', ')']))
}

/// A date or a date and time standing alone (`2024年6月12日`, `2024-06-12 10:23`).
fn is_dateline(s: &str) -> bool {
    let rest = s.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "年月日时分秒 :-/.：　".contains(c) || c.is_ascii_whitespace()
    });
    rest.len() < s.len()
        && (rest.is_empty() || rest.chars().count() <= 2)
        && s.starts_with(|c: char| c.is_ascii_digit())
}

/// Headings of a text without numbered or chapter headings (a news report): a short line
/// (or one that asks or exclaims) before a paragraph, or before a short paragraph that is
/// a sentence; a heading set over two short lines is one entry at its first line, the
/// second kept with it.
fn news_headings(text: &str, blocks: &mut [Block], first_body: usize, headings: &mut Vec<Heading>) {
    let t = |b: &Block| &text[b.start..b.end];
    let n = blocks.len();
    let candidate = |s: &str| (is_short_line(s) || is_short_exclaim(s)) && !is_furniture(s);
    let mut i = first_body;
    while i < n {
        if blocks[i].kind != BlockKind::Body || !candidate(t(&blocks[i])) {
            i += 1;
            continue;
        }
        let next = blocks.get(i + 1).map(&t);
        // A paragraph: long, or a sentence (a long `本报讯（记者 …）…` opens a report).
        let is_body = |s: Option<&str>| {
            s.is_some_and(|s| {
                let short_furniture = is_furniture(s) && at_most_chars(s, MAX_HEADING_CHARS);
                !(is_short_line(s) || is_short_exclaim(s) || short_furniture)
            })
        };
        if is_body(next) {
            blocks[i].kind = BlockKind::Heading { level: 2 };
            headings.push(Heading { level: 2, block: i });
            i += 2;
            continue;
        }
        // Two short lines, then a paragraph: one heading set over two lines.
        if next.is_some_and(|s| is_short_line(s) && !is_furniture(s))
            && is_body(blocks.get(i + 2).map(&t))
            && blocks[i + 1].kind == BlockKind::Body
        {
            blocks[i].kind = BlockKind::Heading { level: 2 };
            blocks[i + 1].kind = BlockKind::Heading { level: 2 };
            headings.push(Heading { level: 2, block: i });
            i += 3;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_markers() {
        for s in [
            "第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀",
            "第十二章",
            "第3节 测试",
            "第一百二十回　甄士隐详说太虚情 贾雨村归结红楼梦",
            "第壹章 开端",
            "第１２章：归来",
            "序章 风起",
            "楔子",
            "尾声",
            "后记",
            "番外一 旧事",
            "番外篇",
        ] {
            assert!(chapter(s).is_some(), "{s}");
        }
        assert_eq!(chapter("卷一 春"), Some(Tier::Volume));
        assert_eq!(chapter("第三卷"), Some(Tier::Volume));
        assert_eq!(chapter("第3节"), Some(Tier::Section));
        assert_eq!(chapter("第一部分 总则"), Some(Tier::Volume));
        assert_eq!(chapter("第二天，他来了"), None);
        assert_eq!(chapter("第三回合"), None);
        for s in [
            "第四回中既将薛家母子在荣府内寄居等事略已表明",
            "第一次见面",
            "第一章写得很好。",
            "序列号",
            "后记得他",
            "第",
            "第二回 说到这里，",
        ] {
            assert_eq!(chapter(s), None, "{s}");
        }
    }

    #[test]
    fn numbering_styles() {
        assert_eq!(numbered("一、总体要求"), Some(Numbering::Cjk));
        assert_eq!(numbered("（一）指导思想"), Some(Numbering::CjkParen));
        assert_eq!(numbered("(二) 基本原则"), Some(Numbering::CjkParen));
        assert_eq!(numbered("1. 背景"), Some(Numbering::Arabic(1)));
        assert_eq!(numbered("1、背景"), Some(Numbering::Arabic(1)));
        assert_eq!(numbered("1 历史"), Some(Numbering::Arabic(1)));
        assert_eq!(numbered("2.1 含义"), Some(Numbering::Arabic(2)));
        assert_eq!(numbered("2.1.3 细节"), Some(Numbering::Arabic(3)));
        assert_eq!(numbered("（1）数据来源"), Some(Numbering::ArabicParen));
        for s in
            ["2023年上海", "1.6万亿元", "5月24日", "一、总体要求。各地要加强领导。", "一二三", "1.", "（一）"]
        {
            assert_eq!(numbered(s), None, "{s}");
        }
    }

    #[test]
    fn markdown_markup_is_outside_the_range() {
        let s = "## **创新策源** ##";
        let (level, a, b) = markdown_heading(s).unwrap();
        assert_eq!((level, &s[a..b]), (2, "创新策源"));
        assert_eq!(markdown_heading("#不是标题"), None);
        assert_eq!(markdown_heading("#######"), None);
        let s = "# C#";
        let (_, a, b) = markdown_heading(s).unwrap();
        assert_eq!(&s[a..b], "C#");
    }

    /// (level, text) of every outline entry of `text` read as plain text.
    fn outline_of(text: &str) -> Vec<(u8, String)> {
        let mut blocks = crate::document::split_blocks(text);
        classify(text, &mut blocks, false)
            .iter()
            .map(|h| (h.level, text[blocks[h.block].range()].to_string()))
            .collect()
    }

    fn texts(o: &[(u8, String)]) -> Vec<&str> {
        o.iter().map(|(_, t)| t.as_str()).collect()
    }

    const PARA: &str =
        "这是一段足够长的正文，用来说明标题之后跟着的是正文段落，而不是另一个标题，它以句号结尾。";

    #[test]
    fn a_heading_over_two_short_lines_is_one_entry() {
        let text = format!(
            "报道的标题\n\n{PARA}\n\n从“要我改”到“我要改”\n居民成了改造主角\n\n{PARA}\n\n既要面子\n更要里子\n\n{PARA}\n"
        );
        let o = outline_of(&text);
        assert_eq!(texts(&o), ["报道的标题", "从“要我改”到“我要改”", "既要面子"]);
        let mut blocks = crate::document::split_blocks(&text);
        classify(&text, &mut blocks, false);
        let second = blocks.iter().find(|b| &text[b.range()] == "居民成了改造主角").unwrap();
        assert!(matches!(second.kind, BlockKind::Heading { .. }), "the second half is drawn as heading");
    }

    #[test]
    fn lead_ins_dialogue_captions_datelines_and_notes_are_not_headings() {
        for line in [
            "她对记者说：",
            "事情是这样的——",
            "“那我们下午再来。”",
            "“你们先回吧，”",
            "图为市民在新开通的隧道内参观",
            "图片来源：受访企业供图",
            "（记者 张三 摄）",
            "2024年6月12日",
            "2024-06-12 10:23",
            "编者按",
            "责任编辑 李四",
        ] {
            let text = format!("报道的标题\n\n{PARA}\n\n{line}\n\n{PARA}\n\n真正的小标题\n\n{PARA}\n");
            assert_eq!(texts(&outline_of(&text)), ["报道的标题", "真正的小标题"], "{line}");
        }
    }

    #[test]
    fn headings_may_ask_or_exclaim_and_head_a_short_paragraph() {
        let text = format!(
            "储能电芯降价四成，谁能熬过洗牌？\n\n{PARA}\n\n哪来的底气？\n\n其实，她刚来时并不自信。\n\n{PARA}\n\n再快一点！\n\n{PARA}\n"
        );
        assert_eq!(
            texts(&outline_of(&text)),
            ["储能电芯降价四成，谁能熬过洗牌？", "哪来的底气？", "再快一点！"]
        );
    }

    #[test]
    fn numbered_headings_follow_their_sequence_not_a_length_limit() {
        let text = format!(
            "关于某项工作的意见\n\n一、总体要求\n\n{PARA}\n\n二、主要目标\n\n{PARA}\n\n三、重点任务\n\n{PARA}\n\n\
             四、坚持以人民为中心的发展思想，推动发展成果更多更公平惠及全体人民\n\n{PARA}\n\n五、组织保障\n\n{PARA}\n"
        );
        let o = outline_of(&text);
        assert_eq!(o.len(), 6, "{o:?}");
        assert!(o[4].1.starts_with("四、坚持"));
        assert_eq!(o[4].0, o[3].0, "the long one is at its siblings' level");
    }

    #[test]
    fn paren_headings_ending_in_a_full_stop_stand_alone_but_run_in_ones_do_not() {
        let text = format!(
            "关于某项工作的通知\n\n一、完善制度\n\n（一）健全制度框架。\n\n{PARA}\n\n（二）提高发展水平。\n\n{PARA}\n\n\
             二、构建标准\n\n（一）坚持稳中求进。要加强领导，压实责任，确保各项任务落到实处，这是一段带编号的正文。\n\n\
             （二）坚持改革创新。要深化改革，扩大开放，激发活力，这也是一段带编号的正文，不是标题。\n"
        );
        let o = outline_of(&text);
        assert_eq!(
            texts(&o),
            [
                "关于某项工作的通知",
                "一、完善制度",
                "（一）健全制度框架。",
                "（二）提高发展水平。",
                "二、构建标准"
            ]
        );
        assert_eq!(o[2].0, o[1].0 + 1, "one level down");
    }

    #[test]
    fn sections_with_little_or_no_body_at_the_end_are_sections() {
        let text = format!(
            "某条目\n\n{PARA}\n\n1 历史\n\n{PARA}\n\n2 地理\n\n{PARA}\n\n3 注释\n1. ^ 某书，第1页\n2. ^ 某书，第2页\n\
             4 参考文献\n5 外部链接\n官方网站\n"
        );
        assert_eq!(
            texts(&outline_of(&text)),
            ["某条目", "1 历史", "2 地理", "3 注释", "4 参考文献", "5 外部链接"]
        );
    }

    #[test]
    fn a_list_of_numbered_lines_is_not_a_run_of_headings() {
        let text = format!(
            "某报告\n\n1. 需求牵引\n\n{PARA}\n\n2. 开放协同\n\n{PARA}\n\n任务如下：\n1. 建设社区\n2. 培育企业\n3. 完善平台\n\n{PARA}\n"
        );
        assert_eq!(texts(&outline_of(&text)), ["某报告", "1. 需求牵引", "2. 开放协同"]);
    }

    #[test]
    fn a_text_without_a_title_line_gets_none() {
        let text = format!("{PARA}\n\n{PARA}\n");
        assert!(outline_of(&text).is_empty());
        let text = format!("{PARA}\n\n第一章 开端\n\n{PARA}\n\n第二章 远行\n\n{PARA}\n");
        assert_eq!(texts(&outline_of(&text)), ["第一章 开端", "第二章 远行"]);
    }

    #[test]
    fn a_table_of_contents_heads_nothing() {
        let text = format!(
            "某预案\n\n目 录\n1 总则\n2 组织\n3 附则\n\n1 总则\n\n{PARA}\n\n2 组织\n\n{PARA}\n\n3 附则\n\n{PARA}\n"
        );
        let o = outline_of(&text);
        assert_eq!(texts(&o), ["某预案", "目 录", "1 总则", "2 组织", "3 附则"]);
        assert_eq!(o[1].0, o[2].0, "the contents sit beside the sections");
    }

    #[test]
    fn an_attached_document_title_heads_its_numbered_sections() {
        let text = format!(
            "国务院关于印发某某方案的通知\n\n各省人民政府：\n\n现将《某某改革实施方案》印发给你们，请认真贯彻执行。\n\n\
             某某改革实施方案\n\n{PARA}\n\n一、总体要求\n\n{PARA}\n\n二、主要任务\n\n{PARA}\n"
        );
        let o = outline_of(&text);
        assert_eq!(texts(&o)[1..], ["某某改革实施方案", "一、总体要求", "二、主要任务"]);
        assert!(o[2].0 > o[1].0);
    }

    #[test]
    fn novels_numbered_by_bare_numerals_and_web_chapter_lines() {
        let text = format!("某小说\n\n一\n\n{PARA}\n\n二\n\n{PARA}\n\n三\n\n{PARA}\n");
        assert_eq!(texts(&outline_of(&text)), ["某小说", "一", "二", "三"]);
        let text = format!(
            "[某小说 / 某人 著]\n\n正文 第一回 宴桃园豪杰三结义\n\n{PARA}\n\n正文 第二回 张翼德怒鞭督邮\n\n{PARA}\n"
        );
        assert_eq!(
            texts(&outline_of(&text))[1..],
            ["正文 第一回 宴桃园豪杰三结义", "正文 第二回 张翼德怒鞭督邮"]
        );
        // A lone number inside a chapter is not a chapter; numbers in sequence are.
        let text = format!("某小说\n\n第一章\n\n{PARA}\n\n1\n\n{PARA}\n\n2\n\n{PARA}\n\n第二章\n\n{PARA}\n");
        let o = outline_of(&text);
        assert_eq!(texts(&o), ["某小说", "第一章", "1", "2", "第二章"]);
        assert_eq!(o[2].0, o[1].0 + 1);
    }

    #[test]
    fn numeral_values() {
        assert_eq!(numeral_value("十二"), Some(12));
        assert_eq!(numeral_value("一百二十"), Some(120));
        assert_eq!(numeral_value("二十三"), Some(23));
        assert_eq!(numeral_value("１２"), Some(12));
        assert_eq!(numeral_value("05"), Some(5));
        assert_eq!(numeral_value("四十五"), Some(45));
        assert_eq!(numeral_value("九九九九九九九九九九九九"), None);
    }
}
