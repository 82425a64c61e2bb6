//! The rules that decide a figure: from a number at a position, its unit, its kind and
//! how far it reaches (ranges, compounds, dates and times, approximations).

use super::number::*;
use super::unit::{reach_after_unit, unit_at};
use super::words::*;
use crate::text::kind::FigureKind;
use crate::text::kind::FigureKind::{Age, Count, Date, Measure, Money, Other, Percent};
use crate::text::units::{self, Rule, cn_digit, magnitude};

/// Tries a figure at byte `i` (a digit, a numeral or a currency sign). Returns the figure
/// (start, end, kind) if there is one, and where the scan goes on.
pub(super) fn figure_at(
    p: &str,
    i: usize,
    floor: usize,
    narrative: bool,
    marks: Marks,
) -> (Option<(usize, usize, FigureKind)>, usize) {
    let first = next_char(p, i).unwrap_or(' ');
    if first == '半' {
        let half = half_at(p, i, floor).filter(|&(s, e, _)| !marks.names(p, s, e));
        return (half, half.map_or(i + first.len_utf8(), |h| h.1));
    }
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
    // 1994.3.27: a date in dots, cited (the first part is no decimal).
    if !n.chinese
        && n.fraction_or_sep
        && p[skip..].starts_with('.')
        && p[skip + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        let end = skip + 1 + p[skip + 1..].bytes().take_while(u8::is_ascii_digit).count();
        return (None, end);
    }
    let found = figure_from(p, i, floor, currency, narrative, &mut n);
    match found {
        Some((s, e, _)) if in_set_phrase(p, i, s, e) || marks.names(p, s, e) => (None, e),
        Some((s, e, k)) => (Some((s, e, k)), e),
        None => (None, skip),
    }
}

/// The figure of the number `n` at `i` (after an ordinal check).
pub(super) fn figure_from(
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
        && !prev_char(p, i - m.len_utf8())
            .is_some_and(|c| c.is_ascii_alphanumeric() || fullwidth_digit(c).is_some())
        && i - m.len_utf8() >= floor
    {
        start = i - m.len_utf8();
    }
    // 一 alone is an article unless an approximation, 倍, 成 or 月 makes it a number.
    // 一半 is a share when something says how much of it: 近一半, 一半以上, 超过一半.
    if n.lone_yi && p[n.end..].starts_with('半') {
        let end = n.end + '半'.len_utf8();
        let trail = TRAILING.iter().find(|w| p[end..].starts_with(**w));
        return match trail {
            Some(w) => Some((start, end + w.len(), Percent)),
            None if approx => Some((start, end, Percent)),
            None => None,
        };
    }
    if n.lone_yi
        && !approx
        && !matches!(next_char(p, n.end), Some('倍' | '成' | '月'))
        && !yi_is_a_fact(&p[..i], &p[n.end..], narrative)
    {
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
            // A fraction in words (三分之一, 五分之一) is a share of something: `percent`,
            // as 百分之三十 is; a fraction in digits (1/5, 22/7) is a value: `other`.
            let kind = if n.chinese { Percent } else { Other };
            let mut end = m.end;
            if let Some(w) = TRAILING.iter().find(|w| p[end..].starts_with(**w)) {
                end += w.len();
            }
            return Some((start, end, kind));
        }
    }
    // 十之七八, 十之八九: so many tenths, a share.
    if n.chinese && matches!(&p[i..n.end], "十" | "百") && p[n.end..].starts_with('之') {
        let at = n.end + '之'.len_utf8();
        let digits: usize =
            p[at..].chars().take(2).take_while(|c| cn_digit(*c).is_some()).map(char::len_utf8).sum();
        if digits > 0 {
            return Some((start, at + digits, Percent));
        }
    }
    // A whole number and a fraction after one space: 365 15241/62769.
    if !n.chinese
        && !n.fraction_or_sep
        && p[n.end..].starts_with(' ')
        && let Some(a) = arabic(p, n.end + 1)
        && !a.fraction_or_sep
        && p[a.end..].starts_with('/')
        && let Some(b) = arabic(p, a.end + 1)
        && !b.fraction_or_sep
        && a.value < b.value
        && !next_char(p, b.end).is_some_and(|c| c == '/' || c.is_ascii_alphanumeric())
    {
        return Some((start, b.end, Other));
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
    // Where a 来 of approximation stood (十来只): without a unit after it, it is a verb (五万来犯).
    let mut lai_at = None;
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
        } else if n.chinese && c == '整' && q == pos && units::longest_unit(&p[q + c.len_utf8()..]).is_some()
        {
            // 一整天, 三整年.
            pos = q + c.len_utf8();
        } else if (q == pos || !n.chinese)
            && !about
            && (matches!(c, '多' | '余' | '餘') || (n.chinese && matches!(c, '来' | '來')))
        {
            about = true;
            plain = false;
            if matches!(c, '来' | '來') {
                lai_at = Some(pos);
            }
            pos = q + c.len_utf8();
        } else if c == '、'
            && n.chinese
            && !ranged
            && q == pos
            && n.end - i == 3
            && let Some(m) = number_at(p, q + c.len_utf8(), true).filter(|m| m.end - (q + c.len_utf8()) == 3)
            && units::longest_unit(&p[m.end..]).is_some()
        {
            // 三、二本, 三、四月: two single numerals that touch by 、 before one unit.
            ranged = true;
            pos = m.end;
            n.value = n.value.max(m.value);
            n.lone_yi = false;
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
    // ¥99起: a price "from", not a count of events (70 起).
    if currency && unit.is_some_and(|(len, _, _)| &p[pos..pos + len] == "起") {
        unit = None;
    }
    if let Some(at) = lai_at.filter(|_| unit.is_none()) {
        pos = at;
        about = false;
    }
    // 二两, 五百两: 两 after a numeral is the unit of weight (or of silver), not a second
    // numeral, unless a unit follows (三两只, 一两个: two or three).
    if unit.is_none()
        && n.chinese
        && !ranged
        && n.end - i >= 6
        && p[..n.end].ends_with(['两', '兩'])
        && pos == n.end
    {
        pos = n.end - '两'.len_utf8();
        let silver = p[..i].chars().rev().take(4).any(|c| matches!(c, '银' | '銀' | '金'))
            || next_char(p, n.end).is_some_and(|c| matches!(c, '银' | '銀'));
        unit = Some(('两'.len_utf8(), if silver { Money } else { Measure }, Rule::Any));
        n.lone_yi = false;
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
            // 唐武德二年, 至皇祐三年: a year of an era named just before it.
            Rule::Year
                if plain
                    && n.chinese
                    && !ranged
                    && (gregorian_follows(&p[pos + '年'.len_utf8()..]) || era_before(p, i)) =>
            {
                Date
            }
            // 747年: a year of history, unless a duration follows (500年来, 100年间).
            Rule::Year
                if plain
                    && !n.chinese
                    && n.digits == 3
                    && !n.fraction_or_sep
                    && !approx
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
    // 块 is the spoken yuan where nothing counted follows it (一百块，三头五块的) and
    // counts pieces before a noun (两块铁板, 三万块砖). Reports write money in 元, so after
    // digits it counts pieces (诱导屏8块, 32块大屏); 块钱 is money always.
    if matches!(unit_text, "块" | "塊") {
        let noun_after = after_unit
            .is_some_and(|c| is_hanzi(c) && !cn_numeral(c) && !"的钱錢儿兒多余餘左以上".contains(c));
        kind = if !n.chinese || noun_after { Count } else { Money };
    }
    // 值一百多, 美金七千万: what a thing is worth, and a sum named by its currency, is money.
    if unit.is_none()
        && kind == Count
        && (p[..start].ends_with(['值', '價', '价'])
            || ["美金", "美元", "人民币", "人民幣", "白银", "白銀", "黄金", "黃金"]
                .iter()
                .any(|w| p[..start].ends_with(w)))
    {
        kind = Money;
    }
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
    // 北三县, 东三省: a region named by its number; 朱雀三号, 长征五号: a name with its
    // number in words (a day of the month follows its month or stands alone: 三号那天).
    if n.chinese && !approx {
        let prev = prev_char(p, i);
        if (kind == Count
            && matches!(
                unit_text,
                "县" | "縣" | "省" | "市" | "州" | "郡" | "城" | "村" | "镇" | "鎮" | "乡" | "鄉"
            )
            && prev.is_some_and(|c| "东南西北東".contains(c)))
            || (matches!(unit_text, "号" | "號")
                && prev.is_some_and(|c| {
                    is_hanzi(c) && !"在到是于於至从從自的了前今明昨每和与與及或月".contains(c)
                }))
        {
            return None;
        }
    }
    // In narration a count after 这, 那, 其余的 points back at what was counted before
    // (这五个孩子, 其余的四个): told already, not a new fact.
    if narrative && kind == Count && !approx && {
        let b = p[..start].trim_end_matches(['的', ' ']);
        b.ends_with(['这', '這', '那']) || b.ends_with("其余") || b.ends_with("其餘")
    } {
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
            && !((n.ends_in_mag || magnitude_seen) && (!n.bare_mag || approx || is_scale(&p[i..n.end])))
            && !(trailing && n.digits > 0)
        {
            return None;
        }
        if n.lone_yi
            && !approx
            && !matches!(unit, Some((_, _, Rule::Month)))
            && !p[pos..].starts_with(['倍', '成'])
            && !yi_is_a_fact(&p[..i], &p[n.end..], narrative)
        {
            return None;
        }
        if n.bare_mag && !approx && !about && kind != Money && !is_scale(&p[i..n.end]) {
            return None;
        }
        // 万元地区生产总值能耗: per ten thousand yuan, a denominator, not a sum (but 万元以上).
        if n.bare_mag
            && !approx
            && !about
            && kind == Money
            && !TRAILING.iter().any(|w| p[pos + unit.map_or(0, |u| u.0)..].starts_with(*w))
        {
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
        (end, kind) = reach_after_unit(p, pos, len, rule, kind, n.chinese, about);
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

/// Whether 一 (its text before, `rest` after it) states a fact rather than an article: a
/// year of time that was lived (过去一年, 一年来, 一年内, 一年多; not 一年级, 一年四季,
/// 有一年夏天), or outside a story a frequency that ends its clause (每半年召开一次。;
/// not 那一次，).
fn yi_is_a_fact(before: &str, rest: &str, narrative: bool) -> bool {
    // 一丈, 一尺, 二两 …: a Chinese unit of length, area, volume or weight measures.
    if rest.starts_with(['丈', '尺', '寸', '斤', '亩', '畝', '顷', '頃', '斗']) {
        return true;
    }
    // 《重差注》一卷: the size of the book just named.
    if before.ends_with('》') && units::longest_unit(rest).is_some() {
        return true;
    }
    // 一整天; 一年半, 一个月以上: a half or an approximation after the unit measures; so
    // does a second number of the same unit (一年二年, 一块两块).
    if let Some(r) = rest.strip_prefix('整') {
        return units::longest_unit(r).is_some();
    }
    if let Some(u) = units::longest_unit(rest).filter(|u| u.rule != Rule::Major) {
        let after = &rest[u.text.len()..];
        if after.starts_with('半') || TRAILING.iter().any(|w| after.starts_with(w)) {
            return true;
        }
        // 一年二年, 一年，二年 (not a series of things: 一辆，两辆……).
        let after =
            if u.kind == Count { after } else { after.strip_prefix(['，', '、', ',']).unwrap_or(after) };
        if let Some(d) = after.chars().next().filter(|d| cn_digit(*d).is_some_and(|v| v > 1))
            && after[d.len_utf8()..].starts_with(u.text)
        {
            return true;
        }
    }
    if let Some(r) = rest.strip_prefix('年') {
        return before.ends_with("过去")
            || ["来", "以来", "內", "内", "之内", "多", "以上"].iter().any(|w| r.starts_with(w));
    }
    !narrative
        && !before.ends_with(['那', '这', '這', '哪', '每', '再', '又'])
        && rest.strip_prefix('次').is_some_and(|r| r.starts_with(['，', '。', '；', '、', ',', ';']))
}

/// 半 as a number before its unit: 半年, 半个月, 半碗, 半间 (not 上半年, 每半年, 一半, 两年半,
/// and not 半天, 半日, 半夜, which say "a long while" and "midnight"; not 半个 before a
/// noun: 半个殿角).
fn half_at(p: &str, i: usize, floor: usize) -> Option<(usize, usize, FigureKind)> {
    let prev = prev_char(p, i);
    if i < floor
        || prev.is_some_and(|c| {
            cn_numeral(c) || c.is_ascii_digit() || "每上下大后後前多个個这這那夜过過的".contains(c)
        })
    {
        return None;
    }
    let at = i + '半'.len_utf8();
    let u = units::longest_unit(&p[at..])?;
    let ok = matches!(u.rule, Rule::Any | Rule::Time | Rule::Year)
        && matches!(u.kind, Measure | Count)
        && !matches!(
            u.text,
            "个" | "個"
                | "天"
                | "日"
                | "夜"
                | "晌"
                | "点"
                | "點"
                | "步"
                | "声"
                | "聲"
                | "句"
                | "字"
                | "生"
                | "边"
                | "邊"
                | "路"
                | "道"
                | "截"
        )
        && !next_char(p, at + u.text.len())
            .is_some_and(|c| matches!(c, '导' | '導' | '径' | '徑' | '岛' | '島'));
    // 半掩半卷, 半信半疑: a pair of halves is a manner, not an amount.
    let pair = p[at + u.text.len()..].starts_with('半') || p[..i].chars().rev().nth(1) == Some('半');
    (ok && !pair).then_some((i, at + u.text.len(), u.kind))
}
