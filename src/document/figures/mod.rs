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
//! (`2023年5月24日`, `5月24日`), and so is a paired approximation: two figures in Chinese
//! numerals that touch and end in the same one-character unit (`十年八年`, `三年二载`,
//! `十天八天`; not `四句四字`, `4战4胜`); it takes the first one's kind.
//!
//! Choices (what a reader of a news report wants stepped through: its facts):
//! - A bare integer with nothing attached is not a figure: the digits of “从0到100”,
//!   “0距离”, “从1到100” are idioms, not facts. A bare number with a decimal point, a
//!   separator, a magnitude, a currency sign or an approximation is kept (kind `other`).
//! - Digits glued to Latin letters are names, not figures (`5G`, `A100`, `GPT-4`), except
//!   a Latin unit (`3km`, `16GB`).
//! - Chinese numerals need a unit. 一 alone is an article, not a fact (一家初创企业,
//!   一台手术机器人, 一名医生, 一系列, 一楼, 临床一线): it counts only after an approximation
//!   (不到一年), before 倍 or 成, as a month (一月), as a year lived (过去一年, 一年来,
//!   一年内, 一年多; not 一年级, 有一年夏天), outside a story as a frequency ending its clause (每半年召开一次。),
//!   and as a share with an approximation (近一半, 一半以上: kind `percent`). A bare magnitude (百, 千, 万, 亿) is
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
//!   (measure words for things and people, 三大 up to 十大; 十九大, 二十大 are names), `date`
//!   (a four-digit year with 年, a month 1-12 with 月, a day 1-31 with 日, 年代, 世纪), `age`
//!   (岁, and a two-digit generation
//!   such as 90后, 00后), `measure` (lengths, areas, weights, and durations such as 10年,
//!   不到一年, 3个月, since time is measured too), `other` (倍, scores, bare numbers).
//! - Kinds by context: a year of an era is a date when its Western year follows
//!   (天宝六年（747年）, 兴宁二年，公元364); 岁
//!   from 200 on is a span of time (五千四百岁); a bare number after 年, 年纪在, 年龄在 is
//!   an age (年二十，, 年纪在四十以上). A day of the lunar month ends a date (四月望日,
//!   六月朔).
//! - 上下 after a figure belongs to it only before punctuation or its unit (四十上下岁);
//!   4张上下铺 is a bunk bed. Spaces may stand before 多/余 too (100 多次).
//! - Fractions: in words (三分之一, 五分之一, 十之七八) a fraction is a share, `percent`, as
//!   百分之三十 is; in digits (1/5, 22/7, 365 15241/62769) it is a value, `other`.
//! - 块: the spoken yuan (`money`) where nothing counted follows it (一百块，三头五块的, and
//!   块钱 always); before a noun it counts pieces (两块铁板, 三万块砖: `count`). After
//!   digits it counts pieces unless 钱 follows (诱导屏8块, 32块大屏), since reports write
//!   money in 元.
//! - Names hold no figures: a short quoted name or slogan that starts with a number
//!   (“三城一区”, “五个一工程”, “3个100”; a quoted figure alone, “90后”, stays), a book
//!   title (《九章述义注》), a grade or phase (二级, 二期, 二轮, 三级公立医院; a count says
//!   两级), a region or a craft named by number (北三县, 朱雀三号), a bus line (301路公交车),
//!   a date in dots (1994.3.27).
//! - A year of an era is a date when its Western year follows or an era name stands just
//!   before it (唐武德二年, 至皇祐三年: two characters of era names after a dynasty, a ruler,
//!   至/自 or punctuation).
//! - 一 also counts before a Chinese unit of length or weight (一丈, 一斤), after a book
//!   title (《重差注》一卷), and when what follows makes it an amount (一整天, 一年半,
//!   一个月以上, 一年二年); 半 counts before a unit (半年, 半个月, 半碗; not 上半年, 半天,
//!   半夜, 半掩半卷); 二两 is two liang (of silver after 银/金: `money`); 一百单八 is 108.
//! - In narration a count after 这, 那, 其余的 points back (这五个孩子) and is no new fact.

mod number;
mod rules;
mod unit;
mod words;

use self::number::{cn_numeral, is_hanzi, is_start, is_start_code};
use self::rules::figure_at;
use self::words::Marks;

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
    let (ideographs, story) = story_words(doc, |_, _, _| false);
    if ideographs < 200 {
        return false;
    }
    story * 1000 >= ideographs * 32
        || (story * 1000 >= ideographs * 3 && super::outline::has_novel_chapters(doc))
}

/// Whether `doc` is long enough to tell and has (almost) none of the words stories are told
/// with: a regulation or a report, whatever its outline's chapters (`第一章 总则`).
pub fn tells_no_story(doc: &super::Document) -> bool {
    // The count stops once the rest, were it all ideographs (three bytes each), could no
    // longer bring the story words under 3 in 1,000: a novel is told after a few KB.
    let told = |ideographs: usize, story: usize, rest: usize| story * 1000 >= (ideographs + rest / 3) * 3;
    let (ideographs, story) = story_words(doc, told);
    ideographs >= 200 && story * 1000 < ideographs * 3
}

/// Ideographs, and words that tell a story (他 她 你 妳 我 着 著, 道：), in the first 256 KB,
/// or as far as `enough(ideographs, story, bytes left)` is first true on a story word.
fn story_words(doc: &super::Document, enough: impl Fn(usize, usize, usize) -> bool) -> (usize, usize) {
    let mut end = doc.text.len().min(256 << 10);
    while !doc.text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut ideographs, mut story) = (0usize, 0usize);
    let mut prev = ' ';
    for (i, c) in doc.text[..end].char_indices() {
        if is_hanzi(c) {
            ideographs += 1;
            if matches!(c, '他' | '她' | '你' | '妳' | '我' | '着' | '著') {
                story += 1;
                if enough(ideographs, story, end - i - c.len_utf8()) {
                    break;
                }
            }
        } else if prev == '道' && matches!(c, '：' | ':') {
            story += 1;
            if enough(ideographs, story, end - i - c.len_utf8()) {
                break;
            }
        }
        prev = c;
    }
    (ideographs, story)
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
    // Two figures in Chinese numerals that touch and end in the same unit (十年八年,
    // 三年二载, 十天八天) are one paired approximation: hold each figure back until the
    // next one shows it is not continued.
    let mut pending: Option<(usize, usize, FigureKind)> = None;
    scan_parts(p, narrative, |s, e, k| match pending {
        Some((ps, pe, pk)) if pe == s && paired(&p[ps..pe], &p[s..e]) => pending = Some((ps, e, pk)),
        _ => {
            if let Some((ps, pe, pk)) = pending.replace((s, e, k)) {
                found(ps, pe, pk);
            }
        }
    });
    if let Some((ps, pe, pk)) = pending {
        found(ps, pe, pk);
    }
}

/// Whether two touching figures are a paired approximation: both in Chinese numerals,
/// of the same one-character unit (年 and 载 are one unit).
fn paired(a: &str, b: &str) -> bool {
    let unit = |f: &str| {
        let mut cs = f.chars();
        let u = cs.next_back()?;
        let numerals = cs.as_str();
        let all_cn = !numerals.is_empty() && numerals.chars().all(cn_numeral);
        all_cn.then_some(if matches!(u, '载' | '載') { '年' } else { u })
    };
    matches!((unit(a), unit(b)), (Some(x), Some(y)) if x == y && !cn_numeral(x))
}

fn scan_parts(p: &str, narrative: bool, mut found: impl FnMut(usize, usize, FigureKind)) {
    let bytes = p.as_bytes();
    let mut i = 0;
    // End of the last figure: an approximation word may not reach back into it.
    let mut floor = 0;
    let mut marks = Marks::default();
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_digit() || b == b'$' {
                let (fig, next) = figure_at(p, i, floor, narrative, marks);
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
            if c <= 0x300D {
                // Punctuation, not an ideograph: maybe a quotation mark or a title mark.
                marks.pass(c, i + 3);
            }
            is_start_code(c)
        } else {
            p[i..].chars().next().is_some_and(is_start)
        };
        if start {
            let (fig, next) = figure_at(p, i, floor, narrative, marks);
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

#[cfg(test)]
mod tests;
