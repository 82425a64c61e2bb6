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
//!   A scale of two growing magnitudes (百万大军, 千亿级) is a count; 千万 (by all means)
//!   is not.
//! - In narration (see [`is_narrative`]), a count of one numeral up to three with the
//!   measure words of anything, people or actions (两个, 三人, 二人, 三声, 两遍, 二字) or
//!   before a part of the body (两条腿, 两只眼) is an everyday word, not a figure; a
//!   specific measure word states a quantity (两碗饭, 三间房) and stays, and so do
//!   approximate pairs (一两个, 三两只).
//! - Numbers of names are no figures: a document number (国发〔2019〕4号), a street
//!   number (…道29号), a page cited after a book title (《…》 187页).
//! - Ordinals are not figures: anything after 第, and 初/周/星期/礼拜/老/番 before Chinese
//!   numerals (初三, 周三, 老三, 三番五次); 首 is never a numeral (首个, 首台).
//! - Kinds: `percent` (%, ‰, 个百分点, 成, 百分之…), `money` (元, 美元, ¥ …), `count`
//!   (measure words for things and people, 三大), `date` (a four-digit year with 年, a month
//!   1-12 with 月, a day 1-31 with 日, 年代, 世纪), `age` (岁, and a two-digit generation
//!   such as 90后, 00后), `measure` (lengths, areas, weights, and durations such as 10年,
//!   不到一年, 3个月, since time is measured too), `other` (倍, scores, bare numbers).
//! - Kinds by context: a year of an era is a date when its Western year follows
//!   (天宝六年（747年）, 兴宁二年，公元364); 岁
//!   from 200 on is a span of time (五千四百岁); a bare number after 年, 年纪在, 年龄在 is
//!   an age (年二十，, 年纪在四十以上). A day of the lunar month ends a date (四月望日,
//!   六月朔).
//! - 上下 after a figure belongs to it only before punctuation or its unit (四十上下岁);
//!   4张上下铺 is a bunk bed. Spaces may stand before 多/余 too (100 多次).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::units::{self, Rule, cn_digit, magnitude};

pub use crate::text::kind::FigureKind;

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

/// Finds the figures in one paragraph of a report, article or reference text; `base` is
/// the paragraph's offset in the document.
pub fn find_figures(paragraph: &str, base: usize) -> Vec<Figure> {
    find_figures_in(paragraph, base, false)
}

/// Finds the figures in one paragraph; `narrative`: the paragraph is a story's narration
/// (the document has novel chapters), where the everyday 两个, 三人 are no figures.
pub fn find_figures_in(paragraph: &str, base: usize, narrative: bool) -> Vec<Figure> {
    let mut out = Vec::new();
    scan(paragraph, narrative, |start, end, kind| {
        out.push(Figure { start: base + start, end: base + end, kind })
    });
    out
}

/// Whether `doc` reads as a story's narration: the words of people telling and talking
/// (他 她 你 我 着 著, 道：) are dense in it (at least 32 in 1,000 ideographs of its first
/// 256 KB), or its outline finds novel chapters and such words are there at all (at
/// least 3 in 1,000: a classical novel narrates with few pronouns, a regulation with none).
pub fn is_narrative(doc: &super::Document) -> bool {
    let mut end = doc.text.len().min(256 << 10);
    while !doc.text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut ideographs, mut story) = (0usize, 0usize);
    let mut prev = ' ';
    for c in doc.text[..end].chars() {
        if is_hanzi(c) {
            ideographs += 1;
            if matches!(c, '他' | '她' | '你' | '妳' | '我' | '着' | '著') {
                story += 1;
            }
        } else if prev == '道' && matches!(c, '：' | ':') {
            story += 1;
        }
        prev = c;
    }
    if ideographs < 200 {
        return false;
    }
    story * 1000 >= ideographs * 32
        || (story * 1000 >= ideographs * 3 && super::outline::has_novel_chapters(doc))
}

/// Every figure of a document, block by block, in order.
pub fn find_all(doc: &super::Document) -> Vec<Figure> {
    let narrative = is_narrative(doc);
    let mut out = Vec::new();
    for b in &doc.blocks {
        let base = b.start;
        scan(&doc.text[b.start..b.end], narrative, |start, end, kind| {
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
fn scan(p: &str, narrative: bool, mut found: impl FnMut(usize, usize, FigureKind)) {
    let bytes = p.as_bytes();
    let mut i = 0;
    // End of the last figure: an approximation word may not reach back into it.
    let mut floor = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_digit() || b == b'$' {
                let (fig, next) = figure_at(p, i, floor, narrative);
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
            let (fig, next) = figure_at(p, i, floor, narrative);
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
const CJK_START_CHARS: [char; 33] = [
    '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿', '两', '几',
    '数', '兩', '萬', '億', '幾', '數', '壹', '贰', '貳', '叁', '肆', '伍', '陆', '柒', '捌', '玖',
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
        || matches!(c, '〇' | '○' | '¥' | '￥' | '€' | '£')
        || (('\u{4E00}'..='\u{9FFF}').contains(&c) && CJK_START_CHARS.contains(&c))
}

fn fullwidth_digit(c: char) -> Option<u64> {
    ('０'..='９').contains(&c).then(|| u64::from(c as u32 - '０' as u32))
}

fn ascii_or_wide_digit(c: char) -> Option<u64> {
    if c.is_ascii_digit() { Some(u64::from(c as u32 - '0' as u32)) } else { fullwidth_digit(c) }
}

/// A Chinese numeral character: a digit, a magnitude, or 几/数.
fn cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || magnitude(c).is_some() || matches!(c, '几' | '数' | '幾' | '數')
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
    /// Arabic with a decimal point or thousands separator; Chinese with 点 decimals.
    fraction_or_sep: bool,
    /// Written in Chinese numerals.
    chinese: bool,
    /// Chinese: only 一.
    lone_yi: bool,
    /// Chinese: only magnitudes (百, 千万 …) with no digit word.
    bare_mag: bool,
    /// Chinese: four digit words (二〇二三), a year when 年 follows.
    year_like: bool,
    /// Chinese: ends in 百, 千, 万 or 亿 (五千, 八十余万): a count even with no unit.
    ends_in_mag: bool,
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

/// Parses a run of Chinese numerals at `i`, with a 点 decimal part (十点二, 一点五).
fn chinese(p: &str, i: usize) -> Option<Number> {
    let mut n = Number { chinese: true, ..Number::default() };
    let mut pos = i;
    // A fixed buffer: this runs at every 一 of a text, so it must not allocate.
    let mut buf = ['\0'; 16];
    let mut len = 0;
    for c in p[i..].chars() {
        if !cn_numeral(c) || len >= buf.len() {
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
            // 十数个: ten-odd.
            '数' | '數' => !(chars.len() >= 2 && matches!(chars[chars.len() - 2], '十' | '拾')),
            '几' | '幾' => {
                !(chars.len() >= 2 && magnitude(chars[chars.len() - 2]).is_some_and(|m| m < 100_000_000))
            }
            _ => false,
        };
        if !strip {
            break;
        }
        chars = &chars[..chars.len() - 1];
        pos -= 3;
    }
    // 零 or 〇 alone starts words (零部件, 零件, 零售), not figures.
    if chars.is_empty() || chars.iter().all(|c| cn_digit(*c) == Some(0)) {
        return None;
    }
    if matches!(chars[0], '几' | '幾')
        && chars.get(1).is_none_or(|c| magnitude(*c).is_none_or(|m| m >= 100_000_000))
    {
        return None;
    }
    if matches!(chars[0], '数' | '數') && chars.get(1).is_none_or(|c| magnitude(*c).is_none()) {
        return None;
    }
    n.lone_yi = matches!(chars, ['一' | '壹']);
    n.bare_mag = chars.iter().all(|c| magnitude(*c).is_some_and(|m| m >= 100));
    n.year_like = chars.len() == 4 && chars.iter().all(|c| cn_digit(*c).is_some());
    n.digits = chars.iter().filter(|c| cn_digit(**c).is_some()).count();
    n.ends_in_mag = chars.last().is_some_and(|c| magnitude(*c).is_some_and(|m| m >= 100));
    n.value = if n.year_like {
        chars.iter().filter_map(|c| cn_digit(*c)).fold(0, |v, d| v * 10 + d)
    } else {
        cn_value(chars)
    };
    // A decimal: 点 and digit words, not a time (十点二十分, 三点一刻) nor 一点 (a little).
    if p[pos..].starts_with('点') || p[pos..].starts_with('點') {
        let at = pos + '点'.len_utf8();
        let digits: usize = p[at..].chars().take_while(|c| cn_digit(*c).is_some()).map(char::len_utf8).sum();
        let after = next_char(p, at + digits);
        if digits > 0 && !after.is_some_and(|c| magnitude(c).is_some() || "分刻点點时時钟鐘半".contains(c))
        {
            pos = at + digits;
            n.fraction_or_sep = true;
            n.ends_in_mag = false;
            n.lone_yi = false;
        }
    }
    n.end = pos;
    Some(n)
}

/// The value of a Chinese numeral (二十四 → 24, 一万两千 → 12000; 几 counts as 0).
fn cn_value(chars: &[char]) -> u64 {
    let (mut total, mut section, mut cur) = (0u64, 0u64, 0u64);
    for &c in chars {
        if let Some(d) = cn_digit(c) {
            cur = d;
        } else if let Some(m) = magnitude(c) {
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

use FigureKind::{Age, Count, Date, Measure, Money, Other, Percent};

/// Words after a figure that widen it.
const TRAILING: &[&str] = &["以上", "以下", "左右", "以内", "之多", "上下", "出头", "已下", "以來", "以內"];

/// Approximations before a number, longest first; `(word, characters that may not precede
/// it)` so that 最近, 附近, 签约, 赶超, 找不到 … are not read as approximations.
const APPROX: &[(&str, &str)] = &[
    (
        "不到",
        "找看听聽想做办辦买買拿说說见見吃受猜用感料意顾顧碰遇收接学學赶趕提考算轮輪走跑飞飛爬游挤擠抓捞撈捡撿查搜搞弄管得等达達办",
    ),
    ("不足", ""),
    ("超过", "不"),
    ("超過", "不"),
    ("将近", ""),
    ("將近", ""),
    ("接近", ""),
    ("大约", ""),
    ("大約", ""),
    ("至少", ""),
    ("近", "最附邻鄰亲親靠贴貼就接将將"),
    ("约", "签簽预預节節邀制条條公合相简簡隐隱大"),
    ("約", "签簽预預节節邀制条條公合相简簡隐隱大"),
    ("超", "赶趕高追招"),
    ("逾", ""),
    ("零下", ""),
];

/// Range marks between two numbers (3-5年, 三至五年, 3到5年).
const RANGE: &[char] = &['-', '~', '～', '至', '—', '–', '－', '到'];

/// Set phrases whose numerals are no figures (names, slogans, idioms).
const SET_PHRASES: &[&str] = &[
    "约法三章",
    "三番五次",
    "五位一体",
    "三位一体",
    "四个全面",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "三次产业",
    "十月革命",
    "八项规定",
    "四个中心",
    "四个服务",
    "三令五申",
    "五湖四海",
    "四面八方",
    "千方百计",
    "一五一十",
    "三心二意",
    "七上八下",
    "七嘴八舌",
    "五花八门",
    "十全十美",
    "万无一失",
    "三长两短",
    "四通八达",
    "九牛一毛",
    "三教九流",
    "三头六臂",
    "五颜六色",
    "一清二楚",
    "十万火急",
    "一点一滴",
    "二十四节气",
    "九章算术",
    "九章算術",
    "千军万马",
    "三十六计",
    "两面三刀",
    "三三两两",
    "接二连三",
    "一干二净",
    "乱七八糟",
];

/// The measure words of an everyday count in narration: anything, people, actions.
const EVERYDAY_MEASURES: &[&str] = &[
    "个", "個", "人", "位", "声", "聲", "遍", "回", "次", "步", "脚", "腳", "眼", "把", "下", "番", "阵",
    "陣", "顿", "頓", "拳", "刀", "样", "樣", "字",
];

/// Parts of the body, which come in everyday pairs (两只眼, 两条腿, 两个耳朵).
const BODY: &str = "眼手脚腳腿耳眉臂膀肩腮颊頰唇指拳膝脸臉翅爪蹄";

/// Units of length and weight that a smaller one may follow (三丈六尺五寸).
const COMPOUND: &[&str] = &["丈", "尺", "寸", "分", "厘", "毫", "秒", "忽", "斤", "两", "兩", "钱", "錢"];

/// Times of day before an hour (3月15日上午10时, 凌晨三点).
const DAYTIME: &[&str] = &[
    "上午", "下午", "凌晨", "早上", "早晨", "清晨", "中午", "晚上", "傍晚", "夜里", "夜裡", "深夜", "午夜",
    "晚",
];

fn next_char(p: &str, pos: usize) -> Option<char> {
    p.get(pos..).and_then(|s| s.chars().next())
}

fn prev_char(p: &str, pos: usize) -> Option<char> {
    p.get(..pos).and_then(|s| s.chars().next_back())
}

/// `pos` moved over one or two ASCII spaces (web texts set `3.65 万亿元`).
fn skip_spaces(p: &str, pos: usize) -> usize {
    let n = p.as_bytes().get(pos..).map_or(0, |b| b.iter().take(2).take_while(|&&b| b == b' ').count());
    pos + n
}

/// The longest unit at `pos` allowed after `n` (`plain`: nothing between number and unit;
/// `daytime`: a time of day precedes the number).
fn unit_at(p: &str, pos: usize, n: &Number, plain: bool, daytime: bool) -> Option<(usize, FigureKind, Rule)> {
    let rest = p.get(pos..)?;
    for u in units::units_at(rest) {
        let after = next_char(rest, u.text.len());
        // 人民 is no unit (1958 人民出版社); 二次方程, 三次会议, 三次产业 are no counts;
        // 二道街, 十字街 are street names.
        let tail = &rest[u.text.len()..];
        if (u.text == "人" && after == Some('民'))
            || (u.text == "次"
                && (tail.starts_with(['方', '幂'])
                    || tail.starts_with("会议")
                    || tail.starts_with("全会")
                    || tail.starts_with("产业")))
            || tail.starts_with(['街', '巷'])
            || (matches!(u.text, "两" | "兩")
                && tail.starts_with(|c: char| cn_numeral(c) || units::longest_unit(tail).is_some()))
            || (matches!(u.text, "届" | "屆")
                && n.chinese
                && tail.starts_with(|c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c) && !"以左".contains(c)))
            || (matches!(u.text, "号" | "號")
                && tail.starts_with(['线', '線', '楼', '樓', '院', '文', '令', '馆', '館']))
            || tail.starts_with("路口")
        {
            continue;
        }
        let kind = match u.rule {
            Rule::Any | Rule::Time | Rule::Year => Some(u.kind),
            Rule::Month => (plain && (1..=12).contains(&n.value) && !n.fraction_or_sep).then_some(Date),
            Rule::Day => {
                if plain && (1..=31).contains(&n.value) && !n.fraction_or_sep {
                    Some(Date)
                } else {
                    (n.fraction_or_sep && !n.chinese && u.text == "日").then_some(Measure)
                }
            }
            Rule::Clock => (plain
                && n.value <= 24
                && !n.fraction_or_sep
                && (!n.chinese || daytime || matches!(u.text, "时" | "時")))
            .then_some(Date),
            Rule::Generation => (plain
                && !n.chinese
                && n.digits == 2
                && !n.fraction_or_sep
                && !after.is_some_and(|c| "来面者续期果".contains(c)))
            .then_some(Age),
            Rule::Tenths => (!after.is_some_and(|c| "为長长功本果员員立熟就交绩績型品都效分年".contains(c)))
                .then_some(Percent),
            Rule::Major => {
                (plain && n.value < 10 && !after.is_some_and(|c| "队隊会會学學街道楼樓厦廈".contains(c)))
                    .then_some(Count)
            }
            Rule::DigitsOnly => (!n.chinese).then_some(u.kind),
            Rule::Latin => {
                (!n.chinese && !after.is_some_and(|c| c.is_ascii_alphanumeric())).then_some(u.kind)
            }
        };
        if let Some(kind) = kind {
            return Some((u.text.len(), kind, u.rule));
        }
    }
    None
}

/// A number directly at `pos` (Arabic or Chinese, like `chinese_like`).
fn number_at(p: &str, pos: usize, chinese_like: bool) -> Option<Number> {
    let c = next_char(p, pos)?;
    if ascii_or_wide_digit(c).is_some() && !chinese_like {
        arabic(p, pos)
    } else if chinese_like && (cn_digit(c).is_some() || magnitude(c).is_some_and(|m| m == 10)) {
        chinese(p, pos)
    } else {
        None
    }
}

/// A month or day directly at `pos` (the rest of a date): returns its end.
fn date_part(p: &str, pos: usize, month: bool, chinese_like: bool) -> Option<usize> {
    let c = next_char(p, pos)?;
    let n = if ascii_or_wide_digit(c).is_some() && !chinese_like {
        arabic(p, pos)?
    } else if chinese_like && (cn_digit(c).is_some() || magnitude(c) == Some(10)) {
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
    } else if (1..=31).contains(&n.value)
        && (rest.starts_with('日') || rest.starts_with('号') || rest.starts_with('號'))
    {
        return Some(n.end + 3);
    }
    None
}

/// The next smaller part of a time at `pos` (36分 after 7时, 7秒 after 2分, 10分 after 30度):
/// its end.
fn time_part(p: &str, pos: usize, units: &[&str]) -> Option<usize> {
    let c = next_char(p, pos)?;
    let n = number_at(p, pos, ascii_or_wide_digit(c).is_none())?;
    if n.value >= 60 && !n.fraction_or_sep {
        return None;
    }
    let u = units.iter().find(|u| p[n.end..].starts_with(**u))?;
    // 分钟, 秒钟 are durations of their own (3时 … 15分钟 is not one time).
    if p[n.end + u.len()..].starts_with('钟') {
        return None;
    }
    Some(n.end + u.len())
}

/// The end of an ISO date at `i` (2026-02-02, 2026/2/2), with a time after a space
/// (2007-11-16 7:55:51).
fn iso_date(p: &str, n: &Number) -> Option<usize> {
    let rest = p.get(n.end..)?;
    let sep = rest.chars().next().filter(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = rest[1..].splitn(3, sep).collect();
    let month = parts.first()?;
    let mlen = month.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&mlen) || month.len() == mlen && parts.len() < 2 {
        return None;
    }
    let m: u64 = month[..mlen].parse().ok()?;
    if mlen != month.len() || !(1..=12).contains(&m) {
        return None;
    }
    let day = parts.get(1)?;
    let dlen = day.bytes().take_while(u8::is_ascii_digit).count();
    let d: u64 = day.get(..dlen)?.parse().ok()?;
    if !(1..=2).contains(&dlen) || !(1..=31).contains(&d) {
        return None;
    }
    let mut end = n.end + 1 + mlen + 1 + dlen;
    // A time: H:MM or H:MM:SS after one space.
    let t = &p[end..];
    if let Some(time) = t.strip_prefix(' ') {
        let mut len = 0;
        let mut groups = 0;
        let b = time.as_bytes();
        while groups < 3 {
            let digits = b[len..].iter().take_while(|c| c.is_ascii_digit()).count();
            if !(1..=2).contains(&digits) {
                break;
            }
            len += digits;
            groups += 1;
            if b.get(len) == Some(&b':') && b.get(len + 1).is_some_and(u8::is_ascii_digit) && groups < 3 {
                len += 1;
            } else {
                break;
            }
        }
        if groups >= 2 {
            end += 1 + len;
        }
    }
    Some(end)
}

/// Whether the number at `i` is an ordinal or a name: 第3, 第七、八条, A100, 附表1, 初三,
/// 星期三, and the section number at the start of a paragraph (2.1 含义, 1.2.1).
fn is_ordinal_or_name(p: &str, i: usize, n: &Number) -> bool {
    let prev = prev_char(p, i);
    if prev == Some('第')
        || (!n.chinese && prev.is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '.'))
        || (!n.chinese && matches!(prev, Some('表' | '图' | '圖' | '件' | '录' | '錄' | '式')))
        || (n.chinese && matches!(prev, Some('初' | '周' | '週' | '老' | '番')))
        || (n.chinese && prev == Some('期') && p[..i].ends_with("星期"))
        || (n.chinese && prev == Some('拜') && p[..i].ends_with("礼拜"))
    {
        return true;
    }
    // 第七、八条: a list after an ordinal.
    if let Some(sep @ ('、' | '，' | ',' | '至' | '到' | '-' | '—')) = prev {
        let before = p[..i - sep.len_utf8()].trim_end_matches(|c: char| cn_numeral(c) || c.is_ascii_digit());
        if before.ends_with('第') {
            return true;
        }
    }
    // A section number at the start of a paragraph.
    !n.chinese && p[..i].trim().is_empty() && {
        let after = &p[n.end..];
        after.starts_with(|c: char| c.is_whitespace() || c == '、' || c == '．')
            || (after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
            || (n.fraction_or_sep
                && !after.starts_with(|c: char| c == '%' || units::longest_unit(after).is_some()))
    }
}

/// The set phrases by each numeral they hold, so a figure looks only at the few that could
/// hold it.
static SET_PHRASES_BY_NUMERAL: LazyLock<HashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<char, Vec<&'static str>> = HashMap::new();
    for w in SET_PHRASES {
        for c in w.chars().filter(|c| cn_numeral(*c)) {
            let list = map.entry(c).or_default();
            if !list.contains(w) {
                list.push(w);
            }
        }
    }
    map
});

/// Whether `start..end`, whose number starts at `i`, lies in a set phrase (约法三章,
/// 五位一体 …).
fn in_set_phrase(p: &str, i: usize, start: usize, end: usize) -> bool {
    let Some(list) = next_char(p, i).and_then(|c| SET_PHRASES_BY_NUMERAL.get(&c)) else { return false };
    let mut from = start.saturating_sub(9);
    while !p.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 12).min(p.len());
    while !p.is_char_boundary(to) {
        to += 1;
    }
    let window = &p[from..to];
    list.iter().any(|w| {
        window.match_indices(w).any(|(k, _)| {
            let (s, e) = (from + k, from + k + w.len());
            s < end && start < e
        })
    })
}

/// Tries a figure at byte `i` (a digit, a numeral or a currency sign). Returns the figure
/// (start, end, kind) if there is one, and where the scan goes on.
fn figure_at(
    p: &str,
    i: usize,
    floor: usize,
    narrative: bool,
) -> (Option<(usize, usize, FigureKind)>, usize) {
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
    if is_ordinal_or_name(p, i, &n) {
        // 1.2.1: skip the whole section number.
        let mut end = skip;
        while p[end..].starts_with('.') && p[end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            end += 1 + p[end + 1..].bytes().take_while(u8::is_ascii_digit).count();
        }
        return (None, end);
    }
    let found = figure_from(p, i, floor, currency, narrative, &mut n);
    match found {
        Some((s, e, _)) if in_set_phrase(p, i, s, e) => (None, e),
        Some((s, e, k)) => (Some((s, e, k)), e),
        None => (None, skip),
    }
}

/// The figure of the number `n` at `i` (after an ordinal check).
fn figure_from(
    p: &str,
    i: usize,
    floor: usize,
    currency: bool,
    narrative: bool,
    n: &mut Number,
) -> Option<(usize, usize, FigureKind)> {
    // An approximation word just before (spaces allowed), not reaching into the previous
    // figure. Every approximation ends in one of these characters, so most numbers skip
    // the search.
    let before = p[floor..i].trim_end_matches(' ');
    let bend = floor + before.len();
    let mut start = i;
    let mut approx = false;
    let last = before.chars().next_back();
    if !currency
        && matches!(
            last,
            Some('到' | '足' | '过' | '過' | '近' | '约' | '約' | '超' | '逾' | '少' | '上' | '下')
        )
    {
        for &(w, not_after) in APPROX {
            if before.ends_with(w) {
                let s = bend - w.len();
                if !prev_char(p, s).is_some_and(|c| not_after.contains(c)) {
                    start = s;
                    approx = true;
                    break;
                }
                // 找不到: 不到 is part of the verb; so is what is left of it (到).
                break;
            }
        }
        if !approx && n.bare_mag && before.ends_with('上') && bend == i {
            start = i - '上'.len_utf8();
            approx = true;
        }
    }
    // A minus sign: -10.9°C (not a range: 1-2 has a digit before the mark).
    if !approx
        && !n.chinese
        && start == i
        && let Some(m @ ('-' | '－' | '−')) = prev_char(p, i)
        && !prev_char(p, i - m.len_utf8()).is_some_and(|c| c.is_alphanumeric())
        && i - m.len_utf8() >= floor
    {
        start = i - m.len_utf8();
    }
    // 一 alone is an article unless an approximation, 倍, 成 or 月 makes it a number.
    if n.lone_yi && !approx && !matches!(next_char(p, n.end), Some('倍' | '成' | '月')) {
        return None;
    }
    // Only an hour after a time of day (凌晨三点) needs it: 点 after Chinese numerals.
    let daytime = n.chinese && DAYTIME.iter().any(|w| p[..i].ends_with(w));
    // A fraction: 百分之三十 (percent), 千分之五 (per mille), 三分之一; 1/5, 22/7; 30比2.
    if p[n.end..].starts_with("分之") {
        let at = n.end + "分之".len();
        let second = match next_char(p, at) {
            Some(d) if ascii_or_wide_digit(d).is_some() => arabic(p, at),
            Some(d) if cn_digit(d).is_some() || magnitude(d).is_some() => chinese(p, at),
            _ => None,
        };
        if let Some(m) = second {
            let kind = if n.chinese && n.bare_mag && matches!(n.value, 100 | 1000) { Percent } else { Other };
            let mut end = m.end;
            if let Some(w) = TRAILING.iter().find(|w| p[end..].starts_with(**w)) {
                end += w.len();
            }
            return Some((start, end, kind));
        }
    }
    if !n.chinese
        && let Some(sep @ ('/' | '比')) = next_char(p, n.end)
        && let Some(m) = arabic(p, n.end + sep.len_utf8())
        && !next_char(p, m.end).is_some_and(|c| c == '/' || c.is_ascii_alphabetic())
        && !(sep == '/' && iso_date(p, n).is_some())
    {
        return Some((start, m.end, Other));
    }
    if !n.chinese
        && !currency
        && n.digits == 4
        && !n.fraction_or_sep
        && (1000..=2999).contains(&n.value)
        && let Some(end) = iso_date(p, n)
    {
        return Some((start, end, Date));
    }
    // After the number: magnitudes, 多/余, a range, then the unit.
    let mut pos = n.end;
    let mut plain = true;
    let mut magnitude_seen = false;
    let mut last_mag = 0u64;
    let mut about = false;
    let mut ranged = false;
    let is_year =
        |m: &Number| (!m.chinese && m.digits == 4 && (1000..=2999).contains(&m.value)) || m.year_like;
    // 2024-2025年: a range of years is a date too.
    let mut year_range = false;
    let mut unit: Option<(usize, FigureKind, Rule)> = None;
    for _ in 0..10 {
        let q = skip_spaces(p, pos);
        if let Some(u) = unit_at(p, q, n, plain, daytime) {
            // A Latin unit after a space must be a whole word (2 m, not 2 min).
            unit = Some(u);
            pos = q;
            break;
        }
        let Some(c) = next_char(p, q) else { break };
        let mag = magnitude(c);
        if !n.chinese && mag.is_some() && !(mag == Some(10) && magnitude_seen) {
            magnitude_seen = true;
            plain = false;
            last_mag = mag.unwrap_or(0);
            pos = q + c.len_utf8();
        } else if !n.chinese
            && magnitude_seen
            && q == pos
            && last_mag >= 10_000
            && let Some(m) = arabic(p, q).filter(|m| !m.fraction_or_sep)
            && next_char(p, m.end).and_then(magnitude).is_some_and(|v| v < last_mag)
        {
            // 1万6千多户, 1亿3千多万: a smaller part after 万 or 亿.
            pos = m.end;
        } else if n.chinese && mag.is_some_and(|m| m >= 10_000) && about && q == pos {
            magnitude_seen = true;
            pos = q + c.len_utf8();
        } else if (q == pos || !n.chinese)
            && !about
            && (matches!(c, '多' | '余' | '餘') || (n.chinese && matches!(c, '来' | '來')))
        {
            about = true;
            plain = false;
            pos = q + c.len_utf8();
        } else if RANGE.contains(&c) && !ranged && !p[q..].starts_with("——") && !p[q..].starts_with("到底")
        {
            // A second number of the same script after the range mark.
            let at = skip_spaces(p, q + c.len_utf8());
            match number_at(p, at, n.chinese) {
                Some(m) if !(c == '到' && m.lone_yi) => {
                    year_range = plain && is_year(n) && is_year(&m);
                    ranged = true;
                    pos = m.end;
                    n.value = n.value.max(m.value);
                    n.fraction_or_sep |= m.fraction_or_sep;
                    n.bare_mag = n.bare_mag && m.bare_mag;
                    n.ends_in_mag = m.ends_in_mag;
                    n.lone_yi = false;
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    let latin_after =
        !n.chinese && unit.is_none() && next_char(p, pos).is_some_and(|c| c.is_ascii_alphabetic());
    if latin_after {
        return None;
    }
    let mut kind = match unit {
        Some((_, kind, rule)) => match rule {
            Rule::Year if (plain && is_year(n)) || year_range => Date,
            // 天宝六年（747年）: a year of an era, told by the Western year after it.
            Rule::Year if plain && n.chinese && !ranged && gregorian_follows(&p[pos + '年'.len_utf8()..]) => {
                Date
            }
            // 747年: a year of history, unless a duration follows (500年来, 100年间).
            Rule::Year
                if plain
                    && !n.chinese
                    && n.digits == 3
                    && !n.fraction_or_sep
                    && !p[pos..]
                        .chars()
                        .nth(1)
                        .is_some_and(|c| "来來前后後间間内內里裡多余餘以左".contains(c)) =>
            {
                Date
            }
            _ => kind,
        },
        None if currency => Money,
        None if magnitude_seen || (n.chinese && n.ends_in_mag) => Count,
        None => Other,
    };
    let unit_text = unit.map_or("", |(len, _, _)| &p[pos..pos + len]);
    let after_unit = unit.and_then(|(len, _, _)| next_char(p, pos + len));
    let before = p[..start].trim_end_matches(' ');
    // Numbers of names: a document number (国发〔2019〕4号), a street number (…道29号),
    // a page cited after a book title (《…》 187页).
    if !n.chinese
        && match unit_text {
            "号" | "號" => {
                matches!(prev_char(p, start), Some('〕' | ']' | '】' | '路' | '街' | '道' | '巷' | '弄'))
            }
            "页" | "頁" => before.ends_with('》') || (before.len() < start && p[..start].contains('》')),
            _ => false,
        }
    {
        return None;
    }
    // In narration, a small count of one numeral (两个, 三人, 二人, 三声, 两条腿) is an
    // everyday word, not a fact: with the measure words of anything, people and actions,
    // or before a part of the body. A specific measure word states a quantity (两碗饭,
    // 三间房) and stays.
    if narrative
        && n.chinese
        && kind == Count
        && n.value <= 3
        && n.end - i == 3
        && !approx
        && !about
        && !ranged
        && !magnitude_seen
        && matches!(unit, Some((_, _, Rule::Any)))
        && (EVERYDAY_MEASURES.contains(&unit_text) || after_unit.is_some_and(|c| BODY.contains(c)))
    {
        return None;
    }
    // No one lives ten thousand years: 五千四百岁 is a span of time.
    if kind == Age && matches!(unit_text, "岁" | "歲") && (n.value >= 200 || magnitude_seen) {
        kind = Measure;
    }
    // An age without its unit after 年, 年纪, 年龄 (年纪在四十以上, 年二十，).
    let age_before = ["年纪在", "年龄在", "年紀在", "年齡在", "年纪", "年龄", "年"].iter().any(|w| {
        before.ends_with(w)
            && !prev_char(p, before.len() - w.len()).is_some_and(|c| c.is_ascii_digit() || cn_numeral(c))
    });
    if unit.is_none() && n.chinese && age_before && !n.bare_mag && n.value < 150 {
        let trailing = TRAILING.iter().any(|w| p[pos..].starts_with(*w));
        if trailing || next_char(p, pos).is_some_and(|c| "，。、；,".contains(c)) {
            kind = Age;
            let mut end = pos;
            if let Some(w) = TRAILING.iter().find(|w| p[end..].starts_with(**w)) {
                end += w.len();
            }
            return Some((start, end, kind));
        }
    }
    // Chinese numerals need a unit or a magnitude (五千, 八十余万), and 一 or a bare
    // magnitude need more (see the module doc).
    if n.chinese {
        let trailing = TRAILING.iter().any(|w| p[pos..].starts_with(*w));
        if unit.is_none()
            && !((n.ends_in_mag || magnitude_seen) && (!n.bare_mag || is_scale(&p[i..n.end])))
            && !(trailing && n.digits > 0)
        {
            return None;
        }
        if n.lone_yi
            && !approx
            && !matches!(unit, Some((_, _, Rule::Month)))
            && !p[pos..].starts_with(['倍', '成'])
        {
            return None;
        }
        if n.bare_mag && !approx && !about && kind != Money && !is_scale(&p[i..n.end]) {
            return None;
        }
    } else if unit.is_none() && !currency && !approx && !about && !magnitude_seen && !n.fraction_or_sep {
        return None;
    } else if unit.is_none()
        && !currency
        && !approx
        && !about
        && !magnitude_seen
        && !ranged
        && p[..n.end].ends_with(".0")
    {
        // A version (2.0, 3.0), not a quantity.
        return None;
    }
    let mut end = pos;
    if let Some((len, _, rule)) = unit {
        let unit_text = &p[pos..pos + len];
        end += len;
        match rule {
            Rule::Year => {
                // The rest of the date: 2023年5月24日; 45年11月 is a date too.
                if let Some(m) = date_part(p, end, true, n.chinese) {
                    end = m;
                    kind = Date;
                    if let Some(d) = date_part(p, end, false, n.chinese).or_else(|| lunar_day(p, end)) {
                        end = d;
                    }
                }
            }
            Rule::Month if kind == Date => {
                if p[end..].starts_with('份') {
                    end += '份'.len_utf8();
                } else if let Some(d) = date_part(p, end, false, n.chinese).or_else(|| lunar_day(p, end)) {
                    end = d;
                }
            }
            _ => {}
        }
        // 3月15日上午10时: a time of day after a date.
        if kind == Date && (p[..end].ends_with('日') || p[..end].ends_with('号')) {
            for w in DAYTIME {
                if p[end..].starts_with(w) {
                    let at = end + w.len();
                    if let Some(h) = number_at(p, at, !next_char(p, at).is_some_and(|c| c.is_ascii_digit()))
                        && h.value <= 24
                        && (p[h.end..].starts_with(['时', '時', '点', '點']))
                    {
                        end = h.end + 3;
                        if let Some(m) = time_part(p, end, &["分"]) {
                            end = m;
                        }
                    }
                    break;
                }
            }
        }
        // Time chains: 7时36分, 7时36分5秒, 2分7秒, 30度10分.
        match unit_text {
            "时" | "時" | "点" | "點" => {
                if let Some(m) = time_part(p, end, &["分"]) {
                    end = m;
                    if let Some(s) = time_part(p, end, &["秒"]) {
                        end = s;
                    }
                }
            }
            "分" | "度" => {
                if let Some(m) = time_part(p, end, if unit_text == "度" { &["分"] } else { &["秒"] }) {
                    end = m;
                    kind = Measure;
                }
            }
            _ => {}
        }
        // A compound measure: 三丈六尺五寸, 七尺五寸, 一分五厘.
        if COMPOUND.contains(&unit_text) {
            while let Some(m) = number_at(p, end, n.chinese) {
                let Some(u) = COMPOUND.iter().find(|u| p[m.end..].starts_with(**u)) else { break };
                end = m.end + u.len();
            }
        }
        // A rate: 58万元/人, 0.6人/百亿元.
        if p[end..].starts_with('/') {
            let mut at = end + 1;
            while let Some(m) = next_char(p, at).filter(|c| magnitude(*c).is_some()) {
                at += m.len_utf8();
            }
            if let Some(u) = units::longest_unit(&p[at..]) {
                end = at + u.text.len();
            }
        }
        // A range of whole figures: 1341年至1345年, 4月至6月, 4.5%-5%.
        if let Some(c) = next_char(p, end).filter(|c| RANGE.contains(c) && *c != '到')
            && !p[end..].starts_with("——")
        {
            let at = skip_spaces(p, end + c.len_utf8());
            if let Some(m) = number_at(p, at, n.chinese)
                && p[m.end..].starts_with(unit_text)
            {
                end = m.end + unit_text.len();
            }
        }
        let time = matches!(rule, Rule::Time) || (rule == Rule::Year && kind == Measure);
        if time
            && !about
            && let Some(c @ ('多' | '余' | '餘' | '半')) = next_char(p, end)
            && !next_char(p, end + c.len_utf8()).is_some_and(|d| "元样種种少彩数數天夜".contains(d))
        {
            end += c.len_utf8();
        }
    }
    if let Some(w) = TRAILING.iter().find(|w| p[end..].starts_with(**w)) {
        let after = next_char(p, end + w.len());
        if *w == "上下" && after.is_some_and(is_hanzi) {
            // 四十上下岁 takes its unit; 4张上下铺, 60公里上下浮动 are words of their own.
            if unit.is_none() && matches!(after, Some('岁' | '歲')) {
                end += w.len() + '岁'.len_utf8();
                kind = Age;
            }
        } else {
            end += w.len();
        }
    }
    Some((start, end, kind))
}

/// The end of a day of the lunar month named after a month (六月朔, 四月望日): 朔 the
/// first, 望 the full moon, 晦 the last; alone only before punctuation.
fn lunar_day(p: &str, pos: usize) -> Option<usize> {
    let c = next_char(p, pos).filter(|c| matches!(c, '朔' | '望' | '晦'))?;
    let at = pos + c.len_utf8();
    match next_char(p, at) {
        Some('日') => Some(at + '日'.len_utf8()),
        Some(d) if is_hanzi(d) => None,
        _ => Some(at),
    }
}

/// A CJK ideograph (not punctuation, not a digit).
fn is_hanzi(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// A scale of its own, two magnitudes growing (百万大军, 千亿级, 万亿级), but not 千万 (by
/// all means).
fn is_scale(s: &str) -> bool {
    let mut it = s.chars();
    match (it.next(), it.next(), it.next()) {
        (Some(a), Some(b), None) => {
            let (x, y) = (magnitude(a).unwrap_or(0), magnitude(b).unwrap_or(0));
            x >= 100 && y >= 10_000 && y > x && !(x == 1_000 && y == 10_000)
        }
        _ => false,
    }
}

/// Whether the words after an era year give its Western year: （公元747年）, （1103）,
/// ，公元364, 1686年.
fn gregorian_follows(rest: &str) -> bool {
    let r = rest.strip_prefix(['（', '(']).or_else(|| rest.strip_prefix(['，', ','])).unwrap_or(rest);
    let r = r.strip_prefix("公元").unwrap_or(r);
    let r = r.strip_prefix("前").unwrap_or(r);
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    (2..=4).contains(&digits) && (rest.len() != r.len() || r[digits..].starts_with('年'))
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

    fn story(p: &str) -> Vec<(&str, FigureKind)> {
        find_figures_in(p, 0, true).into_iter().map(|f| (&p[f.start..f.end], f.kind)).collect()
    }

    #[test]
    fn everyday_small_counts_in_narration_are_no_figures() {
        assert_eq!(story("两个伙计打仗，他三声喊，擦了两把，两条腿打颤"), vec![]);
        assert_eq!(
            story("只有两条大街，买了三间房，吃两碗饭"),
            vec![("两条", Count), ("三间", Count), ("两碗", Count)]
        );
        assert_eq!(
            story("一两个，三两只，十二个人，五百人"),
            vec![("一两个", Count), ("三两只", Count), ("十二个", Count), ("五百人", Count)]
        );
        // Outside a story the same words are counts.
        assert_eq!(spans("两个协会"), vec![("两个", Count)]);
    }

    #[test]
    fn era_years_with_their_western_year_are_dates() {
        assert_eq!(spans("唐天宝六年（747年）"), vec![("六年", Date), ("747年", Date)]);
        assert_eq!(spans("北宋崇宁二年（1103）")[0], ("二年", Date));
        assert_eq!(spans("兴宁二年，公元364年"), vec![("二年", Date), ("364年", Date)]);
        assert_eq!(spans("在位四十二年，"), vec![("四十二年", Measure)]);
        assert_eq!(spans("建宁二年四月望日，六月朔，"), vec![("二年四月望日", Date), ("六月朔", Date)]);
    }

    #[test]
    fn names_with_numbers_are_no_figures() {
        assert_eq!(spans("国发〔2019〕4号"), vec![]);
        assert_eq!(spans("在荷李活道29号创立"), vec![]);
        assert_eq!(spans("《印刷文化史》 187页"), vec![]);
        assert_eq!(spans("全书共300页"), vec![("300页", Count)]);
    }

    #[test]
    fn spaces_scales_and_words_after_figures() {
        assert_eq!(spans("调用 100 多次，配备 60 余人"), vec![("100 多次", Count), ("60 余人", Count)]);
        assert_eq!(spans("摆着4张上下铺"), vec![("4张", Count)]);
        assert_eq!(spans("四十上下岁的车夫"), vec![("四十上下岁", Age)]);
        assert_eq!(spans("年纪在四十以上，"), vec![("四十以上", Age)]);
        assert_eq!(spans("拥有百万大军，千亿级投资，千万不要"), vec![("百万", Count), ("千亿级", Count)]);
        assert_eq!(spans("取十数个火把"), vec![("十数个", Count)]);
        assert_eq!(spans("要两个多小时，90个工作日"), vec![("两个多小时", Measure), ("90个工作日", Measure)]);
        assert_eq!(spans("有五千四百岁"), vec![("五千四百岁", Measure)]);
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
