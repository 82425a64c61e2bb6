//! Vertical setting (竖排): a wrapped line becomes a column read top to bottom, one cell
//! (two screen columns wide) per character, columns right to left.
//!
//! The column breaks are the horizontal line breaker's, at a width of two screen columns per
//! cell, so the same rules hold (no column starts with closing punctuation, a number stays
//! with its unit); a line that still needs more cells than the column has (a run of Latin
//! letters, which take a cell each instead of half of one) is cut at the column's end.
//! In a column, punctuation takes its vertical presentation form (，→︐, “→﹁ …); one or two
//! Latin letters or digits share a cell upright (tate-chū-yoko: `24`, `5G`), a longer run
//! is set upright one per cell.

use unicode_segmentation::UnicodeSegmentation;

use super::linebreak::{VisualLine, WrapOptions, shown_width, wrap};

/// Screen columns a vertical column takes: one wide cell.
pub const CELL: usize = 2;

/// How many columns a pane `width` screen columns wide holds with `gutter` blank columns
/// between two of them: at least one (a pane too narrow for two shows one, cut).
pub fn columns_across(width: usize, gutter: usize) -> usize {
    ((width + gutter) / (CELL + gutter)).max(1)
}

/// The vertical presentation form of `c` (，→︐ …), or `c` itself.
pub fn vertical_form(c: char) -> char {
    match c {
        '，' => '︐',
        '。' => '︒',
        '、' => '︑',
        '：' => '︓',
        '；' => '︔',
        '！' => '︕',
        '？' => '︖',
        '“' | '「' => '﹁',
        '”' | '」' => '﹂',
        '‘' | '『' => '﹃',
        '’' | '』' => '﹄',
        '（' => '︵',
        '）' => '︶',
        '《' => '︽',
        '》' => '︾',
        '〈' => '︿',
        '〉' => '﹀',
        '【' => '︻',
        '】' => '︼',
        '…' => '︙',
        '—' => '︱',
        c => c,
    }
}

/// One cell of a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// What it shows: one grapheme (in its vertical form), or two Latin letters or digits.
    pub text: String,
    /// The byte offset from the line's `start` of the source character it shows first.
    pub offset: usize,
}

/// Whether `g` is a Latin letter or digit, set upright in a column.
fn latin(g: &str) -> bool {
    let mut cs = g.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_ascii_alphanumeric())
}

/// The cells of `line` set vertically (`src` is the source `line.start..line.end`).
pub fn cells(line: &VisualLine, src: &str) -> Vec<Cell> {
    let mut offs = line.char_offsets(src);
    let graphemes: Vec<(&str, usize)> = line
        .text
        .graphemes(true)
        .map(|g| {
            let off = offs.next().unwrap_or(src.len());
            for _ in 1..g.chars().count() {
                offs.next();
            }
            (g, off)
        })
        .collect();
    let mut out = Vec::with_capacity(graphemes.len());
    let mut i = 0;
    while i < graphemes.len() {
        let (g, off) = graphemes[i];
        if latin(g) {
            let run = graphemes[i..].iter().take_while(|(g, _)| latin(g)).count();
            if run == 2 {
                out.push(Cell { text: format!("{g}{}", graphemes[i + 1].0), offset: off });
                i += 2;
                continue;
            }
            for &(g, off) in &graphemes[i..i + run] {
                out.push(Cell { text: g.to_string(), offset: off });
            }
            i += run;
            continue;
        }
        let mut cs = g.chars();
        let text = match (cs.next(), cs.next()) {
            (Some(c), None) => vertical_form(c).to_string(),
            _ => g.to_string(),
        };
        out.push(Cell { text, offset: off });
        i += 1;
    }
    out
}

/// The cells the first-line indent of `line` takes at the top of its column.
pub fn indent_cells(line: &VisualLine) -> usize {
    line.indent.div_ceil(2)
}

/// `lines` with every line that needs more than `cap` cells (indent included) cut into
/// columns of `cap`.
pub fn fit_columns(
    lines: Vec<VisualLine>,
    cap: usize,
    opts: &WrapOptions,
    doc_text: &str,
) -> Vec<VisualLine> {
    let cap = cap.max(1);
    let mut out = Vec::with_capacity(lines.len());
    for mut line in lines {
        loop {
            let src = &doc_text[line.start..line.end];
            let room = cap.saturating_sub(indent_cells(&line)).max(1);
            if cells(&line, src).len() <= room {
                out.push(line);
                break;
            }
            // The longest first line the breaker sets from this one (same rules: a number
            // stays with its unit, no closing mark first) that fits the column; the last
            // resort is the column's end.
            let (cut, next) = (1..2 * room)
                .rev()
                .find_map(|w| {
                    let sub = wrap(&line.text, 0, w, 0, opts);
                    let (first, second) = (sub.first()?, sub.get(1)?);
                    let plain = VisualLine { origin: Vec::new(), ..first.clone() };
                    (first.end > 0 && cells(&plain, &line.text[first.start..first.end]).len() <= room)
                        .then_some((first.end, second.start))
                })
                .unwrap_or_else(|| {
                    let n: usize = cells(&line, src).iter().take(room).map(|c| c.text.chars().count()).sum();
                    let at = line.text.char_indices().nth(n).map_or(line.text.len(), |(i, _)| i);
                    (at, at)
                });
            let offsets: Vec<usize> = line.char_offsets(src).collect();
            let source_at =
                |byte: usize| offsets.get(line.text[..byte].chars().count()).copied().unwrap_or(src.len());
            let (head_end, tail_start) = (source_at(cut), source_at(next));
            let head_chars = line.text[..cut].chars().count();
            let tail_chars = line.text[..next].chars().count();
            let head_width = shown_width(&line.text[..cut], line.col, opts.ambiguous_wide);
            let skipped = shown_width(&line.text[cut..next], line.col + head_width, opts.ambiguous_wide);
            let (head_origin, tail_origin) = if line.origin.is_empty() {
                (Vec::new(), Vec::new())
            } else {
                let h = line.origin[..head_chars.min(line.origin.len())].to_vec();
                let base = tail_start as u32;
                let t = line.origin[tail_chars.min(line.origin.len())..]
                    .iter()
                    .map(|o| o - base.min(*o))
                    .collect();
                (h, t)
            };
            let tail = VisualLine {
                start: line.start + tail_start,
                end: line.end,
                width: line.width.saturating_sub(head_width + skipped),
                text: line.text[next..].to_string(),
                indent: 0,
                col: line.col + head_width + skipped,
                origin: tail_origin,
            };
            line.end = line.start + head_end;
            line.text.truncate(cut);
            line.width = head_width;
            line.origin = head_origin;
            out.push(line);
            line = tail;
        }
    }
    out
}

/// One page of columns as rows of text, `height` rows of `width` screen columns (trailing
/// blanks trimmed): column `i` of `columns` is the `i`-th from the right, `gutter` blank
/// screen columns apart; `None` is a blank column. `show` turns a cell's text into what is
/// printed (it cleans controls away).
pub fn page_rows(
    columns: &[Option<&VisualLine>],
    doc_text: &str,
    height: usize,
    width: usize,
    gutter: usize,
    show: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut grid: Vec<Vec<Option<String>>> = vec![vec![Some(" ".to_string()); width]; height];
    for (i, line) in columns.iter().enumerate() {
        let Some(line) = line else { continue };
        let from_right = i * (CELL + gutter) + CELL;
        if i > 0 && from_right > width {
            break;
        }
        let x = width.saturating_sub(from_right);
        let src = &doc_text[line.start..line.end];
        for (row, cell) in cells(line, src).into_iter().enumerate() {
            let y = row + indent_cells(line);
            if y >= height {
                break;
            }
            let mut cx = x;
            for g in show(&cell.text).graphemes(true) {
                let w = unicode_width::UnicodeWidthStr::width(g).max(1);
                if cx + w > (x + CELL).min(width) {
                    break;
                }
                grid[y][cx] = Some(g.to_string());
                for k in 1..w {
                    grid[y][cx + k] = None;
                }
                cx += w;
            }
        }
    }
    grid.into_iter().map(|row| row.into_iter().flatten().collect::<String>().trim_end().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_takes_vertical_forms_and_two_digits_share_a_cell() {
        let s = "共24人，“5G”网络2024年……";
        let lines = wrap(s, 0, 200, 0, &WrapOptions::default());
        let cells: Vec<String> = cells(&lines[0], s).into_iter().map(|c| c.text).collect();
        assert_eq!(
            cells,
            ["共", "24", "人", "︐", "﹁", "5G", "﹂", "网", "络", "2", "0", "2", "4", "年", "︙", "︙"]
        );
    }

    #[test]
    fn a_long_latin_run_is_cut_at_the_column_end() {
        let s = "abcdefghij";
        let lines = wrap(s, 0, 20, 0, &WrapOptions::default());
        assert_eq!(lines.len(), 1);
        let cols = fit_columns(lines, 4, &WrapOptions::default(), s);
        let texts: Vec<&str> = cols.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["abcd", "efgh", "ij"]);
        assert_eq!((cols[1].start, cols[1].end), (4, 8));
    }
}
