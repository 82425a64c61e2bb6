//! Single lines judged on their own: the shapes of chapter markers (第一章, 卷三, Chapter 2),
//! numbering styles (一、 (一) 1. 1.1), Markdown headings, bylines, datelines, dialogue and
//! page furniture, which [`super::classify`] weighs against their neighbours.

/// Longest block (in characters) that can be a title, subtitle or heading.
pub(super) const MAX_HEADING_CHARS: usize = 40;

/// Longest chapter line in characters (`第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀` is 21).
pub(super) const MAX_CHAPTER_CHARS: usize = 50;

/// Longest numbered heading in characters.
pub(super) const MAX_NUMBERED_CHARS: usize = 30;

/// Whether `s` has at most `max` characters, deciding by byte length when it can.
pub(super) fn at_most_chars(s: &str, max: usize) -> bool {
    s.len() <= max || (s.len() <= 4 * max && s.chars().count() <= max)
}

pub(super) fn is_short_line(s: &str) -> bool {
    at_most_chars(s, MAX_HEADING_CHARS)
        && !s.ends_with(['。', '！', '？', '；', '.', '!', '?', ';', ':', '：', ',', '，', '…'])
}

/// Whether `s` is a byline: a short line naming 记者, 通讯员, 编辑, 作者 or 来源, not a sentence.
pub fn is_byline(s: &str) -> bool {
    // Columns named after the reporter are headings: 记者手记, 记者观察 ….
    const COLUMNS: &[&str] =
        &["记者手记", "记者观察", "记者调查", "记者札记", "记者点评", "记者追踪", "编辑手记", "编者按"];
    at_most_chars(s, 80)
        && !COLUMNS.iter().any(|c| s.starts_with(c) && at_most_chars(s, 12))
        && ["记者", "通讯员", "编辑", "作者", "来源"].iter().any(|w| s.contains(w))
        && !s.ends_with('。')
}

/// Digits of every kind used to number chapters and headings.
pub(super) fn is_numeral(c: char) -> bool {
    is_cjk_numeral(c) || c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Chinese and financial (大写) numerals.
pub(super) fn is_cjk_numeral(c: char) -> bool {
    "零〇一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟".contains(c)
}

pub(super) fn is_ascii_or_wide_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// What may stand between a chapter marker and its title.
pub(super) fn is_separator(c: char) -> bool {
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
pub(super) fn skip_while(s: &str, f: impl Fn(char) -> bool) -> (&str, usize) {
    let rest = s.trim_start_matches(&f);
    (rest, s.len() - rest.len())
}

/// The tiers of novel structure, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tier {
    Volume,
    Chapter,
    Section,
    /// 序章, 楔子, 尾声, 后记, 番外 …: placed at the outermost tier the text uses.
    Special,
}

pub(super) const SPECIALS: &[&str] = &[
    "序章", "序言", "序幕", "自序", "代序", "楔子", "引子", "引言", "前言", "尾声", "终章", "后记", "跋",
    "番外", "附录", "结语", "序",
];

/// A chapter line's tier, when `s` is one: the marker, then the end or a separator and
/// a title. `第四回中既将…` is a sentence, not a heading: 中 follows the marker directly.
pub(super) fn chapter(s: &str) -> Option<Tier> {
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
pub(super) fn strip_chapter_prefix(s: &str) -> &str {
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
pub(super) enum Numbering {
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
pub(super) fn numbered(s: &str) -> Option<Numbering> {
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
pub(super) fn markdown_heading(s: &str) -> Option<(u8, usize, usize)> {
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

/// What a block may be, from its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Candidate {
    Chapter(Tier),
    Numbered(Numbering),
    /// The title of a document a notice carries (`现将《…方案》印发给你们` … `…方案`).
    Attached,
}

/// Rank of a candidate: smaller is outer. An attached document's title is outermost,
/// then chapters, then numbered headings; special chapters (序章, 尾声, 目录) take the rank
/// `special`, that of the outermost other heading.
pub(super) fn rank(c: Candidate, special: u8) -> u8 {
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
pub(super) fn folded(s: &str) -> String {
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
pub(super) fn is_decoration(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
        || s.contains("http://")
        || s.contains("https://")
        || s.contains("www.")
}

/// A numbered line of any length: its style, its number (the last part of `2.1.3`), and
/// whether it passes the strict test of [`numbered`] (short, a title, no sentence end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Numbered {
    pub(super) style: Numbering,
    pub(super) value: u32,
    /// The numbers before the last one (`2.1` for `2.1.3`), folded into one: a number goes
    /// on with a run only under the same parent.
    pub(super) parent: u64,
    pub(super) strict: bool,
    /// One sentence at most: no sentence end before its last character. A numbered line
    /// that goes on after a sentence is a paragraph with a run-in number, not a heading.
    pub(super) alone: bool,
}

/// Longest numbered line (in characters) that can head a section when its number
/// continues a sequence of headings.
pub(super) const MAX_SEQUENCE_CHARS: usize = 50;

/// The numbering of a list whose first item follows a short label and a colon on its line
/// (`附件：1.值班安排表`, `注：1.…`): the lines numbered after it (`2.联系人名单`) are its
/// items, not headings.
pub(super) fn labelled_list(s: &str) -> Option<Numbering> {
    let (label, item) = s.split_once(['：', ':'])?;
    if label.is_empty() || !at_most_chars(label, 4) || label.contains(['，', '。', '；', ',', ';']) {
        return None;
    }
    let (style, value, ..) = numbering_of(item.trim_start())?;
    (value == 1).then_some(style)
}

/// Reads the number and style at the start of `s`, whatever follows.
pub(super) fn numbering_of(s: &str) -> Option<(Numbering, u32, u64, &str)> {
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
pub(super) fn bare_number(s: &str) -> Option<u32> {
    if !at_most_chars(s, 4) || !s.chars().all(|c| is_numeral(c) && !"百千万两".contains(c)) {
        return None;
    }
    numeral_value(s)
}

/// The value of a number written in digits or in Chinese numerals (up to the thousands).
pub(super) fn numeral_value(s: &str) -> Option<u32> {
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
pub(super) fn is_heading_title(t: &str) -> bool {
    let (after_digits, n) = skip_while(t, is_numeral);
    let listed = n > 0 && after_digits.starts_with(['、', '.', '．', ',', '，']);
    let bare = n > 0 && after_digits.is_empty();
    !(t.is_empty() || listed || bare || t.starts_with(['^', '↑']))
}

/// A numbered line's style, number and strictness.
pub(super) fn numbered_line(s: &str) -> Option<Numbered> {
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
pub(super) const SENTENCE_ENDS: [char; 8] = ['。', '！', '？', '；', '!', '?', ';', '…'];

/// `第一回` or `第十二章` with nothing after the marker.
pub(super) fn chapter_marker_only(s: &str) -> bool {
    let s = strip_chapter_prefix(s);
    s.strip_prefix('第').is_some_and(|r| {
        let (rest, n) = skip_while(r, is_numeral);
        n > 0 && rest.chars().count() == 1
    })
}

/// Whether a line can be a text's title: short, not a line that only leads in, speaks,
/// captions or dates what follows.
pub(super) fn is_title_line(s: &str) -> bool {
    (is_short_line(s) || is_short_exclaim(s)) && !is_furniture(s)
}

/// A short line ending in ？ or ！ (titles and headings may ask or exclaim).
pub(super) fn is_short_exclaim(s: &str) -> bool {
    at_most_chars(s, MAX_HEADING_CHARS) && s.ends_with(['？', '！', '?', '!']) && !is_dialogue(s)
}

/// A line of dialogue: it opens with a quotation mark and ends inside one, or ends with a
/// sentence closed inside quotation marks (`“那我们下午再来。”`).
pub(super) fn is_dialogue(s: &str) -> bool {
    let closes = s.ends_with(['”', '」', '』', '"', '’']);
    let opens = s.starts_with(['“', '「', '『', '"', '‘']);
    let before_close = s.trim_end_matches(['”', '」', '』', '"', '’']);
    closes && (opens || before_close.ends_with(SENTENCE_ENDS) || before_close.ends_with(['，', ',']))
}

/// Page furniture that is never a heading: datelines, bylines, captions, sources, editors'
/// notes, picture credits, documents' numbers, and lines that lead into what follows.
pub(super) fn is_furniture(s: &str) -> bool {
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
        || is_document_number(s)
}

/// Whether `s` is a document's number (发文字号) standing alone: the issuer's short name,
/// the year in brackets, the number and 号 (`国发〔2019〕4号`, `京政办发[2020]12号`,
/// `京政发［2025］１号`, spaces and full-width forms read as their plain ones), a signer
/// after it aside (`签发人：…`). It is neither a subtitle nor a heading, and it heads an
/// official document's masthead.
pub(super) fn is_document_number(s: &str) -> bool {
    // Cheap refusals first: this is asked of every short line.
    if s.len() > 3 * 40 || !s.contains('号') {
        return false;
    }
    let s = folded(s);
    let Some((issuer, rest)) = s.split_once(['〔', '[']) else { return false };
    let Some((year, rest)) = rest.split_once(['〕', ']']) else { return false };
    let Some((number, after)) = rest.split_once('号') else { return false };
    !issuer.is_empty()
        && issuer.chars().count() + year.len() + number.len() <= 24
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && (after.is_empty() || after.starts_with("签发人"))
}

/// A date or a date and time standing alone (`2024年6月12日`, `2024-06-12 10:23`).
pub(super) fn is_dateline(s: &str) -> bool {
    let rest = s.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "年月日时分秒 :-/.：　".contains(c) || c.is_ascii_whitespace()
    });
    rest.len() < s.len()
        && (rest.is_empty() || rest.chars().count() <= 2)
        && s.starts_with(|c: char| c.is_ascii_digit())
}
