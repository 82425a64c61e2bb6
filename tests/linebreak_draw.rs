//! Drawing wrapped lines: ambiguous-wide mode stays aligned, grapheme clusters and
//! zero-width characters go into the cell of the character they belong to.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellDiffOption};
use yuedu::app::App;
use yuedu::config::Config;
use yuedu::document::{Decoded, Document};

fn screen(text: &str, user_config: &str, width: u16) -> Buffer {
    let doc = Document::new("t.txt", Decoded { text: text.into(), encoding: "UTF-8", warnings: Vec::new() });
    let config = Config::from_toml(user_config, None).expect("config");
    let app = App::new(doc, config, width, 6);
    let mut term = Terminal::new(TestBackend::new(width, 6)).expect("terminal");
    term.draw(|f| yuedu::ui::draw(&app, f)).expect("draw");
    term.backend().buffer().clone()
}

/// The (x, symbol, forced width) of each cell of the row holding `first`, from `first` on.
fn row_from(buf: &Buffer, first: &str) -> Vec<(u16, String, Option<u16>)> {
    let area = buf.area;
    for y in 0..area.height {
        if let Some(x0) = (0..area.width).find(|&x| buf[(x, y)].symbol() == first) {
            return (x0..area.width)
                .map(|x| {
                    let c = &buf[(x, y)];
                    let forced = match c.diff_option {
                        CellDiffOption::ForcedWidth(w) => Some(w.get()),
                        _ => None,
                    };
                    (x - x0, c.symbol().to_string(), forced)
                })
                .collect();
        }
    }
    panic!("{first} not on screen");
}

#[test]
fn wide_ambiguous_marks_take_two_cells_and_tell_the_diff() {
    // What reaches the terminal: the mark, then its second column left to the terminal's
    // own advance (the diff skips it), then the next character two columns on.
    let row = row_from(&screen("上“新”…好", "[text]\nambiguous_width = \"wide\"\n", 40), "上");
    let cells: Vec<(u16, &str)> = row.iter().take(10).map(|(x, s, _)| (*x, s.as_str())).collect();
    assert_eq!(
        cells[..10],
        [
            (0, "上"),
            (1, " "),
            (2, "“"),
            (3, " "),
            (4, "新"),
            (5, " "),
            (6, "”"),
            (7, " "),
            (8, "…"),
            (9, " ")
        ][..]
    );
    assert_eq!(row[2].2, Some(2), "“ is forced to two columns");
    assert_eq!(row[0].2, None, "a hanzi needs no forcing");
    assert_eq!(row[10].1, "好");
}

#[test]
fn narrow_ambiguous_marks_take_one_cell() {
    let row = row_from(&screen("上“新”…好", "", 40), "上");
    let cells: Vec<&str> = row.iter().take(8).map(|(_, s, _)| s.as_str()).collect();
    assert_eq!(cells, ["上", " ", "“", "新", " ", "”", "…", "好"]);
    assert!(row.iter().all(|c| c.2.is_none()));
}

#[test]
fn clusters_and_zero_width_characters_join_their_cell() {
    let family = "👨\u{200d}👩\u{200d}👧";
    let text = format!("上e\u{301}{family}\u{200b}好");
    let row = row_from(&screen(&text, "", 40), "上");
    assert_eq!(row[2].1, "e\u{301}", "a combining mark shares the letter's cell");
    assert_eq!(
        row[3].1,
        format!("{family}\u{200b}"),
        "the sequence is one cell; the zero-width space joins it"
    );
    assert_eq!(row[5].1, "好", "the next character comes after the emoji's two columns");
}
