//! Numbers as written: Arabic (with thousands groups and decimals, full-width digits),
//! Chinese numerals (with 点 decimals), the parts of dates and times, and the characters
//! that can start a figure.

use crate::text::units::{cn_digit, magnitude};

/// The ideographs that can start a figure (see [`is_start`]).
pub(super) const CJK_START_CHARS: [char; 34] = [
    '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿', '两', '几',
    '数', '兩', '萬', '億', '幾', '數', '壹', '贰', '貳', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '半',
];

/// One bit per code point of the CJK Unified Ideographs block (U+4E00-U+9FFF): set for the
/// numerals that can start a figure.
pub(super) const CJK_START: [u64; 328] = {
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
pub(super) fn is_start_code(c: u32) -> bool {
    if (0x4E00..=0x9FFF).contains(&c) {
        let off = c - 0x4E00;
        CJK_START[(off / 64) as usize] >> (off % 64) & 1 == 1
    } else {
        char::from_u32(c).is_some_and(is_start)
    }
}

/// Whether a non-ASCII character can start a figure.
pub(super) fn is_start(c: char) -> bool {
    fullwidth_digit(c).is_some()
        || matches!(c, '〇' | '○' | '¥' | '￥' | '€' | '£')
        || (('\u{4E00}'..='\u{9FFF}').contains(&c) && CJK_START_CHARS.contains(&c))
}

pub(super) fn fullwidth_digit(c: char) -> Option<u64> {
    ('０'..='９').contains(&c).then(|| u64::from(c as u32 - '０' as u32))
}

pub(super) fn ascii_or_wide_digit(c: char) -> Option<u64> {
    if c.is_ascii_digit() { Some(u64::from(c as u32 - '0' as u32)) } else { fullwidth_digit(c) }
}

/// A Chinese numeral character: a digit, a magnitude, or 几/数.
pub(super) fn cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || magnitude(c).is_some() || matches!(c, '几' | '数' | '幾' | '數')
}

/// The number at the start of a candidate.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Number {
    /// Byte just past it.
    pub(super) end: usize,
    /// Its integer value (saturating), for months, days and years.
    pub(super) value: u64,
    /// Digits in the integer part (Arabic) or digit words (Chinese).
    pub(super) digits: usize,
    /// Arabic with a decimal point or thousands separator; Chinese with 点 decimals.
    pub(super) fraction_or_sep: bool,
    /// Written in Chinese numerals.
    pub(super) chinese: bool,
    /// Chinese: only 一.
    pub(super) lone_yi: bool,
    /// Chinese: only magnitudes (百, 千万 …) with no digit word.
    pub(super) bare_mag: bool,
    /// Chinese: four digit words (二〇二三), a year when 年 follows.
    pub(super) year_like: bool,
    /// Chinese: ends in 百, 千, 万 or 亿 (五千, 八十余万): a count even with no unit.
    pub(super) ends_in_mag: bool,
}

/// Parses an Arabic number at `i`: digits, thousands groups, a decimal part.
pub(super) fn arabic(p: &str, i: usize) -> Option<Number> {
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
pub(super) fn chinese(p: &str, i: usize) -> Option<Number> {
    let mut n = Number { chinese: true, ..Number::default() };
    let mut pos = i;
    // A fixed buffer: this runs at every 一 of a text, so it must not allocate.
    let mut buf = ['\0'; 16];
    let mut len = 0;
    let mut it = p[i..].chars().peekable();
    while let Some(c) = it.next() {
        // 一百单八 (108): 单 joins a digit to a hundred or a thousand, as 零 does.
        let joins = matches!(c, '单' | '單')
            && len > 0
            && magnitude(buf[len - 1]).is_some_and(|m| m >= 100)
            && it.peek().is_some_and(|d| cn_digit(*d).is_some());
        if !(cn_numeral(c) || joins) || len >= buf.len() {
            break;
        }
        buf[len] = if joins { '零' } else { c };
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
    // 壹 is written for amounts (壹贯, 壹万元), never as an article.
    n.lone_yi = matches!(chars, ['一']);
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
pub(super) fn cn_value(chars: &[char]) -> u64 {
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

pub(super) fn next_char(p: &str, pos: usize) -> Option<char> {
    p.get(pos..).and_then(|s| s.chars().next())
}

pub(super) fn prev_char(p: &str, pos: usize) -> Option<char> {
    p.get(..pos).and_then(|s| s.chars().next_back())
}

/// `pos` moved over one or two ASCII spaces (web texts set `3.65 万亿元`).
pub(super) fn skip_spaces(p: &str, pos: usize) -> usize {
    let n = p.as_bytes().get(pos..).map_or(0, |b| b.iter().take(2).take_while(|&&b| b == b' ').count());
    pos + n
}

/// A number directly at `pos` (Arabic or Chinese, like `chinese_like`).
pub(super) fn number_at(p: &str, pos: usize, chinese_like: bool) -> Option<Number> {
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
pub(super) fn date_part(p: &str, pos: usize, month: bool, chinese_like: bool) -> Option<usize> {
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
pub(super) fn time_part(p: &str, pos: usize, units: &[&str]) -> Option<usize> {
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
pub(super) fn iso_date(p: &str, n: &Number) -> Option<usize> {
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

/// A CJK ideograph (not punctuation, not a digit).
pub(super) fn is_hanzi(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// A scale of its own, two magnitudes growing (百万大军, 千亿级, 万亿级), but not 千万 (by
/// all means).
pub(super) fn is_scale(s: &str) -> bool {
    let mut it = s.chars();
    match (it.next(), it.next(), it.next()) {
        (Some(a), Some(b), None) => {
            let (x, y) = (magnitude(a).unwrap_or(0), magnitude(b).unwrap_or(0));
            x >= 100 && y >= 10_000 && y > x && !(x == 1_000 && y == 10_000)
        }
        _ => false,
    }
}
