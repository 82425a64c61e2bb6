//! Numeric figures (1.6万亿元, 24.8%, 80多人 …): spans and kinds.
//!
//! A figure is a number with what belongs to it, found by one linear scan of a paragraph:
//!
//! - an approximation before it: 近 约 超 逾 不到 不足 超过 将近 接近 大约 至少 (and 上 before a
//!   bare 百/千/万/亿, as in 上百例);
//! - the number: ASCII or full-width digits with decimals (`1.6`, `１．６`) and thousands
//!   separators (`1,000`), or Chinese numerals (十几, 两, 七, 二〇二三, 数十, 一万两千);
//! - magnitudes 十 百 千 万 亿 (万亿, 千万 …), 多/余 before or after them (80多人, 4000余家,
//!   10多万), a range (3-5年, 三至五年);
//! - a unit or measure word (元, %, 家, 人, 岁, 年, 厘米, km …), then 以上 以下 左右 以内 之多.
//!
//! The span is exactly the figure: `达1.6万亿元,` gives `1.6万亿元`. Dates are one span
//! (`2023年5月24日`, `5月24日`).
//!
//! Choices (what a reader of a news report wants stepped through: its facts):
//! - A bare integer with nothing attached is not a figure: the digits of “从0到100”,
//!   “0距离”, “从1到100” are idioms, not facts. A bare number with a decimal point, a
//!   separator, a magnitude, a currency sign or an approximation is kept (kind `other`).
//! - Digits glued to Latin letters are names, not figures (`5G`, `A100`, `GPT-4`), except
//!   a Latin unit (`3km`, `16GB`).
//! - Chinese numerals need a unit. 一 alone is an article, not a fact (一家初创企业,
//!   一台手术机器人, 一名医生, 一系列, 一楼, 临床一线): it counts only after an approximation
//!   (不到一年), before 倍 or 成, or as a month (一月). A bare magnitude (百, 千, 万, 亿) is
//!   an idiom (千行百业, 百年, 千家万户) unless an approximation, 多/余 or money follows or
//!   precedes it (上百例, 千余人, 亿元以上). 几 and 数 count only next to 十 百 千 万 (十几位,
//!   数十家), never alone (几年后).
//! - Ordinals are not figures: anything after 第, and 初/周/星期/礼拜/老/番 before Chinese
//!   numerals (初三, 周三, 老三, 三番五次); 首 is never a numeral (首个, 首台).
//! - Kinds: `percent` (%, ‰, 个百分点, 成, 百分之…), `money` (元, 美元, ¥ …), `count`
//!   (measure words for things and people, 三大), `date` (a four-digit year with 年, a month
//!   1-12 with 月, a day 1-31 with 日, 年代, 世纪), `age` (岁, and a two-digit generation
//!   such as 90后, 00后), `measure` (lengths, areas, weights, and durations such as 10年,
//!   不到一年, 3个月, since time is measured too), `other` (倍, scores, bare numbers).

use serde::{Deserialize, Serialize};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A percentage or per-mille.
    Percent,
    /// An amount of money.
    Money,
    /// A count of things or people.
    Count,
    /// A date or year.
    Date,
    /// An age.
    Age,
    /// A physical measure (length, area, weight …).
    Measure,
    /// Any other number.
    Other,
}

impl FigureKind {
    /// Every kind, in the order the help and the config list them.
    pub const ALL: [FigureKind; 7] = [
        FigureKind::Percent,
        FigureKind::Money,
        FigureKind::Count,
        FigureKind::Date,
        FigureKind::Age,
        FigureKind::Measure,
        FigureKind::Other,
    ];

    /// The lowercase name (as in config.toml and the JSON output).
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Count => "count",
            FigureKind::Date => "date",
            FigureKind::Age => "age",
            FigureKind::Measure => "measure",
            FigureKind::Other => "other",
        }
    }
}

/// One figure: a byte range in the document text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// What it measures.
    pub kind: FigureKind,
}

impl Figure {
    /// The figure's text in `doc_text` (the text its offsets point into).
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        doc_text.get(self.start..self.end).unwrap_or("")
    }
}

/// Finds the figures in one paragraph; `base` is the paragraph's offset in the document.
pub fn find_figures(paragraph: &str, base: usize) -> Vec<Figure> {
    let mut out = Vec::new();
    scan(paragraph, |start, end, kind| out.push(Figure { start: base + start, end: base + end, kind }));
    out
}

/// Every figure of a document, block by block, in order.
pub fn find_all(doc: &super::Document) -> Vec<Figure> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        let base = b.start;
        scan(&doc.text[b.start..b.end], |start, end, kind| {
            out.push(Figure { start: base + start, end: base + end, kind })
        });
    }
    out
}

/// A few characters of `paragraph` around bytes `start..end` (paragraph-relative) on one
/// line: `n` characters either side, `…` where cut.
pub fn context(paragraph: &str, start: usize, end: usize, n: usize) -> String {
    let before = paragraph.get(..start).unwrap_or("");
    let after = paragraph.get(end..).unwrap_or("");
    let mid = paragraph.get(start..end).unwrap_or("");
    let cut = before.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    let mut s = String::new();
    if cut > 0 && n > 0 {
        s.push('…');
    }
    if n > 0 {
        s.push_str(&before[cut..]);
    }
    s.push_str(mid);
    let tail: String = after.chars().take(n).collect();
    let more = after.chars().nth(n).is_some();
    s.push_str(&tail);
    if more {
        s.push('…');
    }
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Calls `found(start, end, kind)` for each figure of `p` (byte offsets into `p`), in order.
fn scan(p: &str, mut found: impl FnMut(usize, usize, FigureKind)) {
    let bytes = p.as_bytes();
    let mut i = 0;
    // End of the last figure: an approximation word may not reach back into it.
    let mut floor = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_digit() || b == b'$' {
                let (fig, next) = figure_at(p, i, floor);
                if let Some((s, e, k)) = fig {
                    found(s, e, k);
                    floor = e;
                }
                i = next.max(i + 1);
            } else {
                i += 1;
            }
            continue;
        }
        // Lead byte of a multi-byte character: only a few characters can start a figure.
        // Hanzi are three bytes; decode them by hand and test a bitmap (the hot path).
        let width = match b {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        let start = if width == 3 && i + 2 < bytes.len() {
            let c = (u32::from(b & 0x0F) << 12)
                | (u32::from(bytes[i + 1] & 0x3F) << 6)
                | u32::from(bytes[i + 2] & 0x3F);
            is_start_code(c)
        } else {
            p[i..].chars().next().is_some_and(is_start)
        };
        if start {
            let (fig, next) = figure_at(p, i, floor);
            if let Some((s, e, k)) = fig {
                found(s, e, k);
                floor = e;
            }
            i = next.max(i + width);
        } else {
            i += width;
        }
    }
}

/// The ideographs that can start a figure (see [`is_start`]).
const CJK_START_CHARS: [char; 18] = [
    '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿', '两', '几',
    '数',
];

/// One bit per code point of the CJK Unified Ideographs block (U+4E00-U+9FFF): set for the
/// numerals that can start a figure.
const CJK_START: [u64; 328] = {
    let mut map = [0u64; 328];
    let mut k = 0;
    while k < CJK_START_CHARS.len() {
        let c = CJK_START_CHARS[k] as u32;
        if c >= 0x4E00 && c <= 0x9FFF {
            let off = c - 0x4E00;
            map[(off / 64) as usize] |= 1 << (off % 64);
        }
        k += 1;
    }
    map
};

/// [`is_start`] for a three-byte character's code point.
fn is_start_code(c: u32) -> bool {
    if (0x4E00..=0x9FFF).contains(&c) {
        let off = c - 0x4E00;
        CJK_START[(off / 64) as usize] >> (off % 64) & 1 == 1
    } else {
        char::from_u32(c).is_some_and(is_start)
    }
}

/// Whether a non-ASCII character can start a figure.
fn is_start(c: char) -> bool {
    fullwidth_digit(c).is_some()
        || cn_digit(c).is_some()
        || cn_mag(c).is_some()
        || matches!(c, '两' | '几' | '数' | '¥' | '￥' | '€' | '£')
}

fn fullwidth_digit(c: char) -> Option<u64> {
    ('０'..='９').contains(&c).then(|| u64::from(c as u32 - '０' as u32))
}

fn ascii_or_wide_digit(c: char) -> Option<u64> {
    if c.is_ascii_digit() { Some(u64::from(c as u32 - '0' as u32)) } else { fullwidth_digit(c) }
}

fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_mag(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1_000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// The number at the start of a candidate.
#[derive(Debug, Default, Clone, Copy)]
struct Number {
    /// Byte just past it.
    end: usize,
    /// Its integer value (saturating), for months, days and years.
    value: u64,
    /// Digits in the integer part (Arabic) or digit words (Chinese).
    digits: usize,
    /// Arabic with a decimal point or thousands separator.
    fraction_or_sep: bool,
    /// Written in Chinese numerals.
    chinese: bool,
    /// Chinese: only 一.
    lone_yi: bool,
    /// Chinese: only magnitudes (百, 千万 …) with no digit word.
    bare_mag: bool,
    /// Chinese: four digit words (二〇二三), a year when 年 follows.
    year_like: bool,
}

/// Parses an Arabic number at `i`: digits, thousands groups, a decimal part.
fn arabic(p: &str, i: usize) -> Option<Number> {
    let mut n = Number::default();
    let mut pos = i;
    let mut chars = p[i..].char_indices().peekable();
    let mut value: u64 = 0;
    while let Some(&(off, c)) = chars.peek() {
        match ascii_or_wide_digit(c) {
            Some(d) => {
                value = value.saturating_mul(10).saturating_add(d);
                n.digits += 1;
                pos = i + off + c.len_utf8();
                chars.next();
            }
            None => break,
        }
    }
    if n.digits == 0 {
        return None;
    }
    // Thousands groups: a separator then exactly three digits, only after 1-3 digits.
    if n.digits <= 3 {
        loop {
            let rest = &p[pos..];
            let mut it = rest.chars();
            let Some(sep) = it.next() else { break };
            if !matches!(sep, ',' | '，') {
                break;
            }
            let group: Vec<u64> = it.clone().take(3).filter_map(ascii_or_wide_digit).collect();
            let after = it.clone().nth(3);
            if group.len() != 3 || after.and_then(ascii_or_wide_digit).is_some() {
                break;
            }
            for d in group {
                value = value.saturating_mul(10).saturating_add(d);
                n.digits += 1;
            }
            n.fraction_or_sep = true;
            pos += sep.len_utf8() + rest[sep.len_utf8()..].chars().take(3).map(char::len_utf8).sum::<usize>();
        }
    }
    // A decimal part needs a digit after the point.
    let rest = &p[pos..];
    let mut it = rest.chars();
    if let Some(dot @ ('.' | '．')) = it.next() {
        let frac: usize = it.take_while(|c| ascii_or_wide_digit(*c).is_some()).map(char::len_utf8).sum();
        if frac > 0 {
            pos += dot.len_utf8() + frac;
            n.fraction_or_sep = true;
        }
    }
    n.end = pos;
    n.value = value;
    Some(n)
}

/// Parses a run of Chinese numerals at `i`.
fn chinese(p: &str, i: usize) -> Option<Number> {
    let mut n = Number { chinese: true, ..Number::default() };
    let mut pos = i;
    // A fixed buffer: this runs at every 一 of a text, so it must not allocate.
    let mut buf = ['\0'; 16];
    let mut len = 0;
    for c in p[i..].chars() {
        let ok = cn_digit(c).is_some() || cn_mag(c).is_some() || matches!(c, '两' | '几' | '数');
        if !ok || len >= buf.len() {
            break;
        }
        buf[len] = c;
        len += 1;
        pos += c.len_utf8();
    }
    let mut chars = &buf[..len];
    // 数 only leads (数十); 几 must touch a magnitude below 亿 (十几, 几百).
    while let Some(&last) = chars.last() {
        let strip = match last {
            '数' => true,
            '几' => !(chars.len() >= 2 && matches!(chars[chars.len() - 2], '十' | '百' | '千' | '万')),
            _ => false,
        };
        if !strip {
            break;
        }
        chars = &chars[..chars.len() - 1];
        pos -= 3;
    }
    // 零 or 〇 alone starts words (零部件, 零件, 零售), not figures.
    if chars.is_empty() || chars.iter().all(|c| matches!(c, '零' | '〇')) {
        return None;
    }
    if chars[0] == '几' && !chars.get(1).is_some_and(|c| matches!(c, '十' | '百' | '千' | '万')) {
        return None;
    }
    if chars[0] == '数' && chars.get(1).is_none_or(|c| cn_mag(*c).is_none()) {
        return None;
    }
    n.end = pos;
    n.lone_yi = chars == ['一'];
    n.bare_mag = chars.iter().all(|c| matches!(c, '百' | '千' | '万' | '亿'));
    n.year_like = chars.len() == 4 && chars.iter().all(|c| cn_digit(*c).is_some());
    n.digits = chars.iter().filter(|c| cn_digit(**c).is_some() || **c == '两').count();
    n.value = if n.year_like {
        chars.iter().filter_map(|c| cn_digit(*c)).fold(0, |v, d| v * 10 + d)
    } else {
        cn_value(chars)
    };
    Some(n)
}

/// The value of a Chinese numeral (二十四 → 24, 一万两千 → 12000; 几 counts as 0).
fn cn_value(chars: &[char]) -> u64 {
    let (mut total, mut section, mut cur) = (0u64, 0u64, 0u64);
    for &c in chars {
        if let Some(d) = cn_digit(c) {
            cur = d;
        } else if c == '两' {
            cur = 2;
        } else if let Some(m) = cn_mag(c) {
            if m >= 10_000 {
                total = total.saturating_add(section.saturating_add(cur)).saturating_mul(m);
                section = 0;
            } else {
                section = section.saturating_add(cur.max(1).saturating_mul(m));
            }
            cur = 0;
        }
    }
    total.saturating_add(section).saturating_add(cur)
}

/// Units that need special checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    /// No check.
    No,
    /// 年: a date after a year, else a duration.
    Year,
    /// 月: a date after 1-12.
    Month,
    /// 日/号: a date after 1-31 (号 only inside a date).
    Day,
    /// 后 after two digits: a generation (90后).
    Generation,
    /// 成 (tenths), not the start of a word (成为, 成长 …).
    Tenths,
    /// 大 (三大): directly after the number.
    Major,
    /// Only after Arabic digits (分 would make 十分 a score).
    DigitsOnly,
    /// A Latin unit: no letter or digit may follow.
    Latin,
    /// A time unit: 多/余 may follow (3年多).
    Time,
}

use FigureKind::{Age, Count, Date, Measure, Money, Other, Percent};

/// Units and measure words with their kinds.
const UNITS: &[(&str, FigureKind, Special)] = &[
    ("%", Percent, Special::No),
    ("％", Percent, Special::No),
    ("‰", Percent, Special::No),
    ("个百分点", Percent, Special::No),
    ("百分点", Percent, Special::No),
    ("成", Percent, Special::Tenths),
    ("元人民币", Money, Special::No),
    ("元", Money, Special::No),
    ("人民币", Money, Special::No),
    ("美元", Money, Special::No),
    ("欧元", Money, Special::No),
    ("日元", Money, Special::No),
    ("英镑", Money, Special::No),
    ("港元", Money, Special::No),
    ("港币", Money, Special::No),
    ("澳元", Money, Special::No),
    ("韩元", Money, Special::No),
    ("卢布", Money, Special::No),
    ("块钱", Money, Special::No),
    ("家", Count, Special::No),
    ("人次", Count, Special::No),
    ("人", Count, Special::No),
    ("名", Count, Special::No),
    ("位", Count, Special::No),
    ("个", Count, Special::No),
    ("台", Count, Special::No),
    ("例", Count, Special::No),
    ("所", Count, Special::No),
    ("项", Count, Special::No),
    ("件", Count, Special::No),
    ("种", Count, Special::No),
    ("类", Count, Special::No),
    ("款", Count, Special::No),
    ("支", Count, Special::No),
    ("只", Count, Special::No),
    ("条", Count, Special::No),
    ("座", Count, Special::No),
    ("辆", Count, Special::No),
    ("架", Count, Special::No),
    ("艘", Count, Special::No),
    ("部", Count, Special::No),
    ("篇", Count, Special::No),
    ("份", Count, Special::No),
    ("户", Count, Special::No),
    ("次", Count, Special::No),
    ("场", Count, Special::No),
    ("届", Count, Special::No),
    ("套", Count, Special::No),
    ("颗", Count, Special::No),
    ("粒", Count, Special::No),
    ("张", Count, Special::No),
    ("枚", Count, Special::No),
    ("株", Count, Special::No),
    ("栋", Count, Special::No),
    ("间", Count, Special::No),
    ("层", Count, Special::No),
    ("批", Count, Special::No),
    ("组", Count, Special::No),
    ("对", Count, Special::No),
    ("轮", Count, Special::No),
    ("笔", Count, Special::No),
    ("根", Count, Special::No),
    ("片", Count, Special::No),
    ("票", Count, Special::No),
    ("章", Count, Special::No),
    ("大", Count, Special::Major),
    ("岁", Age, Special::No),
    ("周岁", Age, Special::No),
    ("后", Age, Special::Generation),
    ("年代", Date, Special::No),
    ("世纪", Date, Special::No),
    ("年", Measure, Special::Year),
    ("月", Date, Special::Month),
    ("日", Date, Special::Day),
    ("厘米", Measure, Special::No),
    ("毫米", Measure, Special::No),
    ("纳米", Measure, Special::No),
    ("微米", Measure, Special::No),
    ("千米", Measure, Special::No),
    ("公里", Measure, Special::No),
    ("平方米", Measure, Special::No),
    ("平方公里", Measure, Special::No),
    ("平方千米", Measure, Special::No),
    ("立方米", Measure, Special::No),
    ("米", Measure, Special::No),
    ("公顷", Measure, Special::No),
    ("亩", Measure, Special::No),
    ("吨", Measure, Special::No),
    ("千克", Measure, Special::No),
    ("公斤", Measure, Special::No),
    ("克", Measure, Special::No),
    ("斤", Measure, Special::No),
    ("升", Measure, Special::No),
    ("毫升", Measure, Special::No),
    ("瓦", Measure, Special::No),
    ("千瓦", Measure, Special::No),
    ("兆瓦", Measure, Special::No),
    ("千瓦时", Measure, Special::No),
    ("度", Measure, Special::DigitsOnly),
    ("摄氏度", Measure, Special::No),
    ("℃", Measure, Special::No),
    ("°C", Measure, Special::No),
    ("小时", Measure, Special::Time),
    ("个小时", Measure, Special::Time),
    ("分钟", Measure, Special::Time),
    ("秒", Measure, Special::No),
    ("天", Measure, Special::Time),
    ("周年", Measure, Special::No),
    ("周", Measure, Special::Time),
    ("个月", Measure, Special::Time),
    ("个多月", Measure, Special::No),
    ("光年", Measure, Special::No),
    ("海里", Measure, Special::No),
    ("英里", Measure, Special::No),
    ("英尺", Measure, Special::No),
    ("英寸", Measure, Special::No),
    ("马力", Measure, Special::No),
    ("赫兹", Measure, Special::No),
    ("km", Measure, Special::Latin),
    ("cm", Measure, Special::Latin),
    ("mm", Measure, Special::Latin),
    ("nm", Measure, Special::Latin),
    ("m", Measure, Special::Latin),
    ("kg", Measure, Special::Latin),
    ("mg", Measure, Special::Latin),
    ("g", Measure, Special::Latin),
    ("GB", Measure, Special::Latin),
    ("TB", Measure, Special::Latin),
    ("MB", Measure, Special::Latin),
    ("KB", Measure, Special::Latin),
    ("kW", Measure, Special::Latin),
    ("kWh", Measure, Special::Latin),
    ("MW", Measure, Special::Latin),
    ("GW", Measure, Special::Latin),
    ("Hz", Measure, Special::Latin),
    ("kHz", Measure, Special::Latin),
    ("MHz", Measure, Special::Latin),
    ("GHz", Measure, Special::Latin),
    ("mAh", Measure, Special::Latin),
    ("倍", Other, Special::No),
    ("强", Other, Special::No),
    ("分", Other, Special::DigitsOnly),
];

/// Words after a figure that widen it.
const TRAILING: &[&str] = &["以上", "以下", "左右", "以内", "之多"];

/// Approximations before a number, longest first; `(word, characters that may not precede
/// it)` so that 最近, 附近, 签约, 赶超 … are not read as approximations.
const APPROX: &[(&str, &str)] = &[
    ("不到", ""),
    ("不足", ""),
    ("超过", ""),
    ("将近", ""),
    ("接近", ""),
    ("大约", ""),
    ("至少", ""),
    ("近", "最附邻亲靠贴就"),
    ("约", "签预节邀制条公合相简隐"),
    ("超", "赶高追招"),
    ("逾", ""),
];

/// Range marks between two numbers (3-5年, 三至五年).
const RANGE: &[char] = &['-', '~', '～', '至', '—', '–'];

fn next_char(p: &str, pos: usize) -> Option<char> {
    p.get(pos..).and_then(|s| s.chars().next())
}

fn prev_char(p: &str, pos: usize) -> Option<char> {
    p.get(..pos).and_then(|s| s.chars().next_back())
}

/// The longest unit at `pos` allowed after `n` (with `mid`: 多/余/magnitudes between).
fn unit_at(p: &str, pos: usize, n: &Number, plain: bool) -> Option<(usize, FigureKind, Special)> {
    let rest = p.get(pos..)?;
    let rb = rest.as_bytes();
    let mut best: Option<(usize, FigureKind, Special)> = None;
    for &(u, kind, special) in UNITS {
        // First and last bytes before the full comparison: this loop is the scan's hot spot.
        let ub = u.as_bytes();
        if ub.len() > rb.len() || ub[0] != rb[0] || ub[ub.len() - 1] != rb[ub.len() - 1] {
            continue;
        }
        if &rb[..ub.len()] != ub || best.is_some_and(|(len, _, _)| len >= u.len()) {
            continue;
        }
        let after = next_char(rest, u.len());
        let ok = match special {
            Special::No | Special::Time => true,
            Special::Year => true,
            Special::Month => plain && (1..=12).contains(&n.value) && !n.fraction_or_sep,
            Special::Day => plain && (1..=31).contains(&n.value) && !n.fraction_or_sep,
            Special::Generation => {
                plain
                    && !n.chinese
                    && n.digits == 2
                    && !n.fraction_or_sep
                    && !after.is_some_and(|c| "来面者续期果".contains(c))
            }
            Special::Tenths => !after.is_some_and(|c| "为长功本果员立熟就交绩型品都效分年".contains(c)),
            Special::Major => plain,
            Special::DigitsOnly => !n.chinese,
            Special::Latin => !n.chinese && !after.is_some_and(|c| c.is_ascii_alphanumeric()),
        };
        if ok {
            best = Some((u.len(), kind, special));
        }
    }
    best
}

/// A month or day directly at `pos` (the rest of a date): returns its end.
fn date_part(p: &str, pos: usize, month: bool) -> Option<usize> {
    let c = next_char(p, pos)?;
    let n = if ascii_or_wide_digit(c).is_some() {
        arabic(p, pos)?
    } else if cn_digit(c).is_some() || c == '十' {
        chinese(p, pos)?
    } else {
        return None;
    };
    if n.fraction_or_sep {
        return None;
    }
    let rest = &p[n.end..];
    if month {
        if (1..=12).contains(&n.value) && rest.starts_with('月') {
            let end = n.end + '月'.len_utf8();
            return Some(if p[end..].starts_with('份') { end + '份'.len_utf8() } else { end });
        }
    } else if (1..=31).contains(&n.value) && (rest.starts_with('日') || rest.starts_with('号')) {
        return Some(n.end + 3);
    }
    None
}

/// Tries a figure at byte `i` (a digit, a numeral or a currency sign). Returns the figure
/// (start, end, kind) if there is one, and where the scan goes on.
fn figure_at(p: &str, i: usize, floor: usize) -> (Option<(usize, usize, FigureKind)>, usize) {
    let first = next_char(p, i).unwrap_or(' ');
    let currency = matches!(first, '$' | '¥' | '￥' | '€' | '£');
    let num_start = if currency { i + first.len_utf8() } else { i };
    let Some(c) = next_char(p, num_start) else { return (None, num_start) };
    let number = if ascii_or_wide_digit(c).is_some() {
        arabic(p, num_start)
    } else if !currency {
        chinese(p, num_start)
    } else {
        None
    };
    let Some(mut n) = number else { return (None, num_start + c.len_utf8()) };
    let skip = n.end;
    let prev = prev_char(p, i);
    // Ordinals and names: 第3, 第二十; A100, GPT-4; 初三, 周三, 老三, 星期三, 礼拜三.
    if prev == Some('第')
        || (!n.chinese && prev.is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '.'))
        || (n.chinese && matches!(prev, Some('初' | '周' | '老' | '番')))
        || (n.chinese && prev == Some('期') && p[..i].ends_with("星期"))
        || (n.chinese && prev == Some('拜') && p[..i].ends_with("礼拜"))
    {
        return (None, skip);
    }
    // An approximation word just before, not reaching into the previous figure. Every
    // approximation ends in one of these characters, so most numbers skip the search.
    let mut start = i;
    let mut approx = false;
    if !currency && matches!(prev, Some('到' | '足' | '过' | '近' | '约' | '超' | '逾' | '少' | '上'))
    {
        for &(w, not_after) in APPROX {
            if p[floor..i].ends_with(w) {
                let s = i - w.len();
                if !prev_char(p, s).is_some_and(|c| not_after.contains(c)) {
                    start = s;
                    approx = true;
                    break;
                }
            }
        }
        if !approx && n.bare_mag && p[floor..i].ends_with('上') {
            start = i - '上'.len_utf8();
            approx = true;
        }
    }
    // 一 alone is an article unless an approximation, 倍, 成 or 月 makes it a number.
    if n.lone_yi && !approx && !matches!(next_char(p, n.end), Some('倍' | '成' | '月')) {
        return (None, skip);
    }
    // A fraction: 百分之三十 (percent), 千分之五 (per mille), 三分之一.
    if p[n.end..].starts_with("分之") {
        let at = n.end + "分之".len();
        let second = match next_char(p, at) {
            Some(d) if ascii_or_wide_digit(d).is_some() => arabic(p, at),
            Some(d) if cn_digit(d).is_some() || cn_mag(d).is_some() || d == '两' => chinese(p, at),
            _ => None,
        };
        if let Some(m) = second {
            let kind = if n.chinese && n.bare_mag && matches!(n.value, 100 | 1000) { Percent } else { Other };
            let mut end = m.end;
            if let Some(w) = TRAILING.iter().find(|w| p[end..].starts_with(**w)) {
                end += w.len();
            }
            return (Some((start, end, kind)), end);
        }
    }
    // After the number: magnitudes, 多/余, a range, then the unit.
    let mut pos = n.end;
    let mut plain = true;
    let mut magnitude = false;
    let mut about = false;
    let is_year =
        |m: &Number| (!m.chinese && m.digits == 4 && (1000..=2999).contains(&m.value)) || m.year_like;
    // 2024-2025年: a range of years is a date too.
    let mut year_range = false;
    let mut unit: Option<(usize, FigureKind, Special)> = None;
    for _ in 0..8 {
        if let Some(u) = unit_at(p, pos, &n, plain) {
            unit = Some(u);
            break;
        }
        let Some(c) = next_char(p, pos) else { break };
        if !n.chinese && matches!(c, '十' | '百' | '千' | '万' | '亿') && !(c == '十' && magnitude) {
            magnitude = true;
            plain = false;
            pos += c.len_utf8();
        } else if n.chinese && matches!(c, '万' | '亿') && about {
            magnitude = true;
            pos += c.len_utf8();
        } else if matches!(c, '多' | '余') && !about {
            about = true;
            plain = false;
            pos += c.len_utf8();
        } else if RANGE.contains(&c) && !p[pos..].starts_with("——") {
            // A second number of the same script after the range mark.
            let at = pos + c.len_utf8();
            let second = match next_char(p, at) {
                Some(d) if ascii_or_wide_digit(d).is_some() && !n.chinese => arabic(p, at),
                Some(d) if n.chinese && (cn_digit(d).is_some() || d == '十' || d == '两') => chinese(p, at),
                _ => None,
            };
            match second {
                Some(m) => {
                    year_range = plain && is_year(&n) && is_year(&m);
                    pos = m.end;
                    plain = false;
                    n.bare_mag = n.bare_mag && m.bare_mag;
                    n.lone_yi = false;
                }
                None => break,
            }
        } else {
            break;
        }
    }
    let latin_after =
        !n.chinese && unit.is_none() && next_char(p, pos).is_some_and(|c| c.is_ascii_alphabetic());
    if latin_after {
        return (None, skip);
    }
    let kind = match unit {
        Some((_, kind, special)) => match special {
            Special::Year if (plain && is_year(&n)) || year_range => Date,
            _ => kind,
        },
        None if currency => Money,
        None => Other,
    };
    // Chinese numerals need a unit, and 一 or a bare magnitude need more (see the module doc).
    if n.chinese {
        let Some((_, _, special)) = unit else { return (None, skip) };
        if n.lone_yi
            && !approx
            && !matches!(special, Special::Month)
            && !p[pos..].starts_with('倍')
            && !p[pos..].starts_with('成')
        {
            return (None, skip);
        }
        if n.bare_mag && !approx && !about && kind != Money {
            return (None, skip);
        }
    } else if unit.is_none() && !currency && !approx && !about && !magnitude && !n.fraction_or_sep {
        return (None, skip);
    }
    let mut end = pos;
    if let Some((len, _, special)) = unit {
        end += len;
        if kind == Date {
            // The rest of the date: 2023年5月24日, 5月24日.
            match special {
                Special::Year => {
                    if let Some(m) = date_part(p, end, true) {
                        end = m;
                        if let Some(d) = date_part(p, end, false) {
                            end = d;
                        }
                    }
                }
                Special::Month => {
                    if p[end..].starts_with('份') {
                        end += '份'.len_utf8();
                    } else if let Some(d) = date_part(p, end, false) {
                        end = d;
                    }
                }
                _ => {}
            }
        }
        let time = matches!(special, Special::Time) || (special == Special::Year && kind == Measure);
        if time
            && !about
            && let Some(c @ ('多' | '余')) = next_char(p, end)
            && !next_char(p, end + c.len_utf8()).is_some_and(|d| "元样种少彩数".contains(d))
        {
            end += c.len_utf8();
        }
    }
    if let Some(w) = TRAILING.iter().find(|w| p[end..].starts_with(**w)) {
        end += w.len();
    }
    (Some((start, end, kind)), end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(p: &str) -> Vec<(&str, FigureKind)> {
        find_figures(p, 0).into_iter().map(|f| (&p[f.start..f.end], f.kind)).collect()
    }

    #[test]
    fn span_is_exactly_the_figure() {
        assert_eq!(spans("规模达1.6万亿元,战略性"), vec![("1.6万亿元", Money)]);
        assert_eq!(spans("占全市GDP的24.8%。"), vec![("24.8%", Percent)]);
        assert_eq!(spans("一支80多人的团队"), vec![("80多人", Count)]);
        assert_eq!(spans("累计汇聚4000余家硬科技企业"), vec![("4000余家", Count)]);
    }

    #[test]
    fn dates_are_one_span() {
        assert_eq!(spans("5月24日,记者"), vec![("5月24日", Date)]);
        assert_eq!(spans("2023年5月24日"), vec![("2023年5月24日", Date)]);
        assert_eq!(spans("二〇二三年"), vec![("二〇二三年", Date)]);
        assert_eq!(spans("10年来"), vec![("10年", Measure)]);
    }

    #[test]
    fn chinese_values() {
        assert_eq!(cn_value(&['二', '十', '四']), 24);
        assert_eq!(cn_value(&['一', '万', '两', '千']), 12_000);
        assert_eq!(cn_value(&['十', '二']), 12);
    }

    #[test]
    fn context_cuts_on_characters() {
        assert_eq!(context("规模达1.6万亿元,战略性", 9, 21, 2), "…模达1.6万亿元,战…");
        assert_eq!(context("12岁", 0, 5, 3), "12岁");
    }
}
