//! Headings and sections: which blocks are the title, subtitle, headings and byline.
//!
//! Three families of headings are recognised, by rules on a block's own text (and, for
//! numbered headings, its neighbours), never by line numbers:
//! - novel chapters: `第一回 …`, `第十二章`, `第3节`, `卷一`, `序章`, `楔子`, `尾声`, `番外` …
//!   (Chinese, Arabic or financial numerals; a title after a space or ideographic space);
//! - numbered headings: `一、…`, `（一）…`, `1. …`, `1 历史`, `2.1 含义` (level by depth),
//!   when they stand alone, not in a run of list items;
//! - Markdown `#` headings in `.md` files (the `#` markup and wrapping emphasis are left
//!   out of the block's range, so they are not shown).
//!
//! When none of these is found the news-article rules apply: a short first line is the
//! title, a short second line its subtitle, a short line before a long paragraph a
//! section heading, and a short last line naming reporters the byline.
//!
//! Work is proportional to the number of blocks: every test looks at the first few
//! characters of a block or rejects it by its byte length, so a 50 MB novel classifies
//! in a few milliseconds.

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
    at_most_chars(s, 80)
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

/// Numbering styles of report and paper headings, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Numbering {
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
    let titled = |rest: &str| {
        let t = rest.trim_start_matches([' ', '\t', '\u{3000}']);
        !t.is_empty() && !t.starts_with(is_numeral)
    };
    // （一） (一) （1） (1)
    if let Some(r) = s.strip_prefix(['（', '(']) {
        let (rest, n) = skip_while(r, is_numeral);
        let rest = rest.strip_prefix(['）', ')'])?;
        if n == 0 || !titled(rest) {
            return None;
        }
        let digits = r[..n].chars().all(is_ascii_or_wide_digit);
        return Some(if digits { Numbering::ArabicParen } else { Numbering::CjkParen });
    }
    // 一、
    let (rest, n) = skip_while(s, is_cjk_numeral);
    if n > 0 {
        return (rest.strip_prefix('、').is_some_and(titled)).then_some(Numbering::Cjk);
    }
    // 1. 1、 1．  1 历史  2.1 含义  2.1. 含义
    let mut depth = 0u8;
    let mut rest = s;
    loop {
        let (r, n) = skip_while(rest, is_ascii_or_wide_digit);
        if n == 0 || n > 3 {
            return None;
        }
        depth += 1;
        rest = r;
        match rest.strip_prefix(['.', '．']) {
            Some(r) if r.starts_with(is_ascii_or_wide_digit) => rest = r,
            Some(r) => return titled(r).then_some(Numbering::Arabic(depth)),
            None => break,
        }
    }
    if depth == 1
        && let Some(r) = rest.strip_prefix('、')
    {
        return titled(r).then_some(Numbering::Arabic(1));
    }
    // Without a final dot a space must follow: `2023年` is not a heading.
    (rest.starts_with([' ', '\t', '\u{3000}']) && titled(rest)).then_some(Numbering::Arabic(depth))
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
}

/// Rank of a candidate: smaller is outer. Chapters rank before numbered headings.
fn rank(c: Candidate, special: Tier) -> u8 {
    match c {
        Candidate::Chapter(Tier::Special) => special as u8,
        Candidate::Chapter(t) => t as u8,
        Candidate::Numbered(Numbering::Cjk) => 10,
        Candidate::Numbered(Numbering::CjkParen) => 11,
        Candidate::Numbered(Numbering::Arabic(d)) => 11 + d.min(8),
        Candidate::Numbered(Numbering::ArabicParen) => 20,
    }
}

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
    let candidates: Vec<Option<Candidate>> = blocks
        .iter()
        .map(|b| {
            let s = t(b);
            chapter(s).map(Candidate::Chapter).or_else(|| numbered(s).map(Candidate::Numbered))
        })
        .collect();
    let mut structural: Vec<(usize, Candidate)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let Some(c) = *c else { continue };
        if let Candidate::Numbered(style) = c {
            // A numbered line stands alone between paragraphs; in a run of same-style
            // lines it is a list item, and the last line of the text heads nothing.
            let same = |j: Option<usize>| {
                j.and_then(|j| candidates.get(j)).is_some_and(|o| *o == Some(Candidate::Numbered(style)))
            };
            if i + 1 >= n || same(i.checked_sub(1)) || same(Some(i + 1)) {
                continue;
            }
        }
        structural.push((i, c));
    }

    let mut headings = Vec::new();
    if n > 1 && candidates[n - 1].is_none() && is_byline(t(&blocks[n - 1])) {
        blocks[n - 1].kind = BlockKind::Byline;
    }
    let mut first_body = 0;
    let first_is_heading = structural.first().is_some_and(|&(i, _)| i == 0);
    if !first_is_heading && is_short_line(t(&blocks[0])) && n > 1 {
        blocks[0].kind = BlockKind::Title;
        headings.push(Heading { level: 1, block: 0 });
        first_body = 1;
        if n > 2 && candidates[1].is_none() && is_short_line(t(&blocks[1])) && !is_short_line(t(&blocks[2])) {
            blocks[1].kind = BlockKind::Subtitle;
            first_body = 2;
        }
    }
    let base = if headings.is_empty() { 1 } else { 2 };

    if !structural.is_empty() {
        let outer_tier = structural
            .iter()
            .filter_map(|&(_, c)| match c {
                Candidate::Chapter(t) if t != Tier::Special => Some(t),
                _ => None,
            })
            .min()
            .unwrap_or(Tier::Chapter);
        let mut ranks: Vec<u8> = structural.iter().map(|&(_, c)| rank(c, outer_tier)).collect();
        ranks.sort_unstable();
        ranks.dedup();
        for (i, c) in structural {
            if i < first_body {
                continue;
            }
            let r = rank(c, outer_tier);
            let depth = ranks.partition_point(|&x| x < r) as u8;
            let level = base + depth;
            blocks[i].kind = BlockKind::Heading { level };
            headings.push(Heading { level, block: i });
        }
        return headings;
    }

    for i in first_body..n {
        if blocks[i].kind != BlockKind::Body {
            continue;
        }
        let next_is_body = blocks.get(i + 1).is_some_and(|b| !is_short_line(t(b)));
        if is_short_line(t(&blocks[i])) && next_is_body {
            blocks[i].kind = BlockKind::Heading { level: 2 };
            headings.push(Heading { level: 2, block: i });
        }
    }
    headings
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
}
