//! The rules that decide a figure: from a number at a position, its unit, its kind and
//! how far it reaches (ranges, compounds, dates and times, approximations).

use super::number::*;
use super::words::*;
use crate::text::kind::FigureKind;
use crate::text::kind::FigureKind::{Age, Count, Date, Measure, Money, Other, Percent};
use crate::text::units::{self, Rule, cn_digit, magnitude};

/// The longest unit at `pos` allowed after `n` (`plain`: nothing between number and unit;
/// `daytime`: a time of day precedes the number).
pub(super) fn unit_at(
    p: &str,
    pos: usize,
    n: &Number,
    plain: bool,
    daytime: bool,
) -> Option<(usize, FigureKind, Rule)> {
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
                (plain && n.value <= 10 && !after.is_some_and(|c| "队隊会會学學街道楼樓厦廈".contains(c)))
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

/// Tries a figure at byte `i` (a digit, a numeral or a currency sign). Returns the figure
/// (start, end, kind) if there is one, and where the scan goes on.
pub(super) fn figure_at(
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
        && !prev_char(p, i - m.len_utf8()).is_some_and(|c| c.is_alphanumeric())
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
            && !yi_is_a_fact(&p[..i], &p[n.end..], narrative)
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

/// Whether 一 (its text before, `rest` after it) states a fact rather than an article: a
/// year of time that was lived (过去一年, 一年来, 一年内, 一年多; not 一年级, 一年四季,
/// 有一年夏天), or outside a story a frequency that ends its clause (每半年召开一次。;
/// not 那一次，).
fn yi_is_a_fact(before: &str, rest: &str, narrative: bool) -> bool {
    if let Some(r) = rest.strip_prefix('年') {
        return before.ends_with("过去")
            || ["来", "以来", "內", "内", "之内", "多", "以上"].iter().any(|w| r.starts_with(w));
    }
    !narrative
        && !before.ends_with(['那', '这', '這', '哪', '每', '再', '又'])
        && rest.strip_prefix('次').is_some_and(|r| r.starts_with(['，', '。', '；', '、', ',', ';']))
}
