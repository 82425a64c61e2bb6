//! The characters' side of line breaking: which may not start or end a line (clreq
//! prohibitions, strict or not), which are East Asian, which punctuation is shown full-width
//! between hanzi, and how far a number's unit glues to it.

use unicode_width::UnicodeWidthChar;

use crate::text::units;

/// Whether `c` may not start a line (clreq line-start prohibition; the default already
/// includes `—` and `…`).
pub fn no_line_start(c: char, strict: bool) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '〗'
            | '〙'
            | '］'
            | '｝'
            | '｣'
            | '〞'
            | '〟'
            | '·'
            | '・'
            | '…'
            | '‥'
            | '—'
            | '%'
            | '‰'
            | '％'
            | '℃'
            | '．'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
    ) || (strict && strict_no_line_start(c))
}

/// What the strict level adds (clreq / JLREQ strict): small kana, the prolonged sound mark,
/// iteration marks and wave dashes.
pub(super) fn strict_no_line_start(c: char) -> bool {
    matches!(
        c,
        'ぁ' | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ゕ'
            | 'ゖ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | 'ー'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | '々'
            | '〻'
            | '〜'
            | '～'
    )
}

/// Whether `c` may not end a line (clreq line-end prohibition).
pub fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '（'
            | '《'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〈'
            | '〖'
            | '〘'
            | '［'
            | '｛'
            | '｢'
            | '〝'
            | '('
            | '['
            | '{'
    )
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// East Asian Width F, W or H: the `$EastAsian` set of UAX #14 LB19a.
pub(super) fn is_east_asian(c: char) -> bool {
    c.width() == Some(2) || ('\u{ff61}'..='\u{ffdc}').contains(&c) || ('\u{ffe8}'..='\u{ffee}').contains(&c)
}

/// Chinese context for punctuation normalisation: hanzi, kana, CJK and full-width
/// punctuation, and the curly quotes, ellipsis, dash and middle dot Chinese text uses.
pub(super) fn is_chinese_context(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{3ffff}'
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Quotation marks (UAX #14 class QU), whose breaks LB19 and LB19a decide.
pub(super) fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '«' | '»' | '‹' | '›' | '„' | '‟' | '‚' | '‛')
}

/// The full-width form of an ASCII mark that normalisation may replace.
pub(super) fn full_width_of(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        _ => return None,
    })
}

/// The character shown for `c` given its neighbours (`prev` as shown). An ASCII mark next to
/// Chinese text on either side becomes full-width, except between two digits, so `1,000` and
/// `8:30` keep theirs; `(` looks ahead and `)` looks back.
pub(super) fn normalized(c: char, prev: Option<char>, next: Option<char>) -> Option<char> {
    let full = full_width_of(c)?;
    let ctx = |x: Option<char>| x.is_some_and(is_chinese_context);
    let ok = match c {
        '(' => ctx(next),
        ')' => ctx(prev),
        _ => {
            let digits = prev.is_some_and(is_digit) && next.is_some_and(is_digit);
            !digits && (ctx(prev) || ctx(next))
        }
    };
    ok.then_some(full)
}

/// What stays glued to a number that ends just before `s`: bytes of `s` after which the
/// next break may come, and whether that break is only a weak one (the next part of a date
/// or time chain follows: `2024年|5月`, `7时|36分`).
///
/// A number keeps its magnitudes and approximations (`万亿`, `多`), then the longest unit or
/// measure word of [`units::UNITS`], or else whatever single character follows: a number is
/// never separated from the character after it. Spaces between a number and its magnitude
/// or unit (`3.65 万亿元`) are no break either.
pub(super) fn unit_glue(s: &str) -> (usize, bool) {
    let spaces = s.bytes().take_while(|&b| b == b' ').count();
    let mut len = 0;
    let after_spaces = &s[spaces..];
    let starts_unit = |t: &str| {
        t.chars().next().is_some_and(|c| units::magnitude(c).is_some() || units::is_about(c))
            || units::longest_unit(t).is_some()
    };
    if spaces > 0 {
        if spaces > 2 || !starts_unit(after_spaces) {
            return (0, false);
        }
        len = spaces;
    }
    for c in s[len..].chars() {
        if units::magnitude(c).is_none() && !units::is_about(c) {
            break;
        }
        len += c.len_utf8();
    }
    let rest = &s[len..];
    let last = if let Some(u) = units::longest_unit(rest) {
        len += u.text.len();
        u.text.chars().last()
    } else if let Some(c) = rest.chars().next().filter(|c| !c.is_whitespace()) {
        len += c.len_utf8();
        Some(c)
    } else {
        None
    };
    let chain = last.is_some_and(units::is_chain_unit) && s[len..].chars().next().is_some_and(is_digit);
    (len, chain)
}

/// A character whose grapheme boundaries on both sides are certain without the full
/// segmentation rules (no Extend, ZWJ, Prepend, Hangul jamo or regional indicator).
pub(super) fn is_simple(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7e}'
        | '\u{a0}'..='\u{2ff}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{3098}'
        | '\u{309b}'..='\u{9fff}'
        | '\u{ff01}'..='\u{ff9d}')
}
