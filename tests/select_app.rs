//! Selecting a passage in the reader state, without a terminal: `v` and every motion of
//! the selection mode (across paragraphs, at both ends of the text), copying (`y`, `Y`,
//! the 100 KB limit, `copy = "source" | "display"`), saving a highlight, the mouse drag.

use std::path::Path;

use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use yuedu::app::{Action, App, Effect, Mode, Selection};
use yuedu::config::Config;
use yuedu::document::{Document, load};
use yuedu::store::bookmarks::Store;

/// Three paragraphs: two sentences, a quote that closes after its end mark, a heading-like
/// line without any mark.
const TEXT: &str = "甲乙丙。丁戊！\n\n己庚“辛壬。”癸，子丑？\n\n寅卯\n";

fn doc(text: &str) -> Document {
    Document::new("t.txt", load::decode(text.as_bytes(), None).expect("decodes"))
}

fn config(toml: &str) -> Config {
    Config::from_bytes(toml.as_bytes(), Path::new("config.toml")).expect("config")
}

fn reader(text: &str, width: u16) -> App {
    reader_with(text, width, Config::default())
}

fn reader_with(text: &str, width: u16, config: Config) -> App {
    App::new(doc(text), config, width, 30)
}

/// The selected text.
fn selected(app: &App) -> &str {
    &app.doc.text[app.selected_range().expect("a passage is selected")]
}

/// Applies `actions` one by one.
fn press(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

/// Applies `action` `n` times.
fn repeat(app: &mut App, action: Action, n: usize) {
    for _ in 0..n {
        app.update(action);
    }
}

/// What `action` asks to copy (the text of its one copy effect).
fn copied(app: &mut App, action: Action) -> Option<String> {
    let effects = app.step(action);
    let copies: Vec<String> =
        effects.into_iter().filter_map(|e| if let Effect::Copy(t) = e { Some(t) } else { None }).collect();
    assert!(copies.len() <= 1, "{copies:?}");
    copies.into_iter().next()
}

#[test]
fn v_starts_at_the_first_character_of_the_top_row_and_l_extends_by_characters() {
    let mut app = reader(TEXT, 100);
    assert_eq!(app.mode(), Mode::Text);
    app.update(Action::SelectStart);
    assert_eq!(app.mode(), Mode::Select);
    assert_eq!(selected(&app), "甲");
    press(&mut app, &[Action::SelectRight, Action::SelectRight, Action::SelectRight]);
    assert_eq!(selected(&app), "甲乙丙。");
    assert_eq!(
        app.selection_status().unwrap(),
        "selected: 4 characters · y copies · m highlights · Esc cancels"
    );
    app.update(Action::SelectLeft);
    assert_eq!(selected(&app), "甲乙丙");
}

#[test]
fn h_and_l_step_over_the_break_between_paragraphs() {
    let mut app = reader(TEXT, 100);
    app.update(Action::SelectStart);
    repeat(&mut app, Action::SelectRight, 6);
    assert_eq!(selected(&app), "甲乙丙。丁戊！");
    app.update(Action::SelectRight);
    // The next character is the next paragraph's first; the line break comes with it.
    assert_eq!(selected(&app), "甲乙丙。丁戊！\n\n己");
    app.update(Action::SelectLeft);
    assert_eq!(selected(&app), "甲乙丙。丁戊！");
}

#[test]
fn the_selection_flips_when_the_cursor_passes_its_start() {
    let mut app = reader(TEXT, 100);
    app.update(Action::SelectStart);
    repeat(&mut app, Action::SelectRight, 7);
    // A selection that starts at 己, the second paragraph's first character.
    let Selection::Range { cursor, .. } = app.selection else { panic!("selecting") };
    app.selection = Selection::Range { anchor: cursor, cursor };
    assert_eq!(selected(&app), "己");
    press(&mut app, &[Action::SelectLeft, Action::SelectLeft]);
    assert_eq!(selected(&app), "戊！\n\n己");
}

#[test]
fn at_the_ends_of_the_text_the_motions_stop_and_say_so() {
    let mut app = reader(TEXT, 100);
    app.update(Action::SelectStart);
    app.update(Action::SelectLeft);
    assert_eq!(selected(&app), "甲");
    assert_eq!(app.message.as_deref(), Some("at the start of the text"));
    app.update(Action::SelectUp);
    assert_eq!(app.message.as_deref(), Some("at the start of the text"));
    app.update(Action::SelectPrevSentence);
    assert_eq!(app.message.as_deref(), Some("at the start of the text"));
    repeat(&mut app, Action::SelectRight, 40);
    assert!(selected(&app).ends_with("寅卯"), "{}", selected(&app));
    assert_eq!(app.message.as_deref(), Some("at the end of the text"));
    app.update(Action::SelectNextSentence);
    assert_eq!(app.message.as_deref(), Some("at the end of the text"));
    app.update(Action::SelectDown);
    assert_eq!(app.message.as_deref(), Some("at the end of the text"));
    assert!(selected(&app).ends_with("寅卯"));
    assert_eq!(app.mode(), Mode::Select, "the selection stays");
}

#[test]
fn a_sentence_end_is_an_end_mark_with_its_closing_marks_or_a_paragraph_end() {
    let mut app = reader(TEXT, 100);
    app.update(Action::SelectStart);
    let mut ends = Vec::new();
    for _ in 0..5 {
        app.update(Action::SelectNextSentence);
        ends.push(selected(&app).chars().last().unwrap());
    }
    // 。 ！ (the paragraph's end too), 。” (the closing mark goes with it; ”， is no end),
    // ？, then 卯: a paragraph without an end mark ends with its last character.
    assert_eq!(ends, ['。', '！', '”', '？', '卯']);
    assert!(selected(&app).ends_with("寅卯"));
    let mut back = Vec::new();
    for _ in 0..4 {
        app.update(Action::SelectPrevSentence);
        back.push(selected(&app).chars().last().unwrap());
    }
    assert_eq!(back, ['？', '”', '！', '。']);
}

#[test]
fn j_and_k_move_a_row_in_the_same_column_and_over_blank_rows() {
    // A paragraph of four rows or more at 26 columns, then a short one.
    let long = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒。";
    let text = format!("{long}\n\n日月盈昃辰宿列张。\n");
    let mut app = reader(&text, 26);
    assert!(!app.outline_visible());
    let lines = app.layout.lines(&app.doc, 0);
    assert!(lines.len() >= 3, "{lines:?}");
    app.update(Action::SelectStart);
    app.update(Action::SelectRight);
    // 二 is drawn two columns after the first row's indent: below it, the character of
    // the second row over the same columns (every character here is two columns wide).
    let col = lines[0].indent + 2;
    let below: Vec<char> = lines[1].text.chars().collect();
    app.update(Action::SelectDown);
    assert_eq!(selected(&app).chars().last(), Some(below[(col - lines[1].indent) / 2]));
    app.update(Action::SelectUp);
    assert_eq!(selected(&app), "一二");
    // From the paragraph's last row down: the blank row is stepped over.
    for _ in 0..lines.len() - 1 {
        app.update(Action::SelectDown);
    }
    assert!(lines.last().unwrap().text.contains(selected(&app).chars().last().unwrap()));
    app.update(Action::SelectDown);
    let last = selected(&app).chars().last().unwrap();
    assert!("日月盈昃辰宿列张。".contains(last), "{}", selected(&app));
    app.update(Action::SelectUp);
    assert!(lines.last().unwrap().text.contains(selected(&app).chars().last().unwrap()));
}

#[test]
fn a_shorter_row_below_takes_its_last_character() {
    let text = "一二三四五六七八九十甲乙丙\n\n天地\n";
    let mut app = reader(text, 100);
    app.update(Action::SelectStart);
    repeat(&mut app, Action::SelectRight, 10);
    app.update(Action::SelectDown);
    assert!(selected(&app).ends_with("天地"), "{}", selected(&app));
}

#[test]
fn figure_keys_extend_the_selection_to_the_next_and_previous_figure() {
    let text = "今年增长了12%，收入达到300万元，员工有80人。\n";
    let mut app = reader(text, 100);
    app.update(Action::SelectStart);
    app.update(Action::NextFigure);
    assert_eq!(selected(&app), "今年增长了12%");
    assert_eq!(app.mode(), Mode::Select, "a figure key keeps selecting");
    app.update(Action::NextFigure);
    assert_eq!(selected(&app), "今年增长了12%，收入达到300万元");
    app.update(Action::PrevFigure);
    assert_eq!(selected(&app), "今年增长了1");
    app.update(Action::PrevFigure);
    assert_eq!(app.message.as_deref(), Some("no figures above"));
    press(&mut app, &[Action::NextFigure, Action::NextFigure, Action::NextFigure, Action::NextFigure]);
    assert_eq!(app.message.as_deref(), Some("no more figures below"));
    assert!(selected(&app).ends_with("80人"), "{}", selected(&app));
}

#[test]
fn v_on_a_selected_quote_or_figure_selects_it_whole() {
    let mut app = reader(TEXT, 100);
    app.update(Action::NextQuote);
    app.update(Action::SelectStart);
    assert_eq!(selected(&app), "“辛壬。”");
    let text = "今年增长了12%。\n";
    let mut app = reader(text, 100);
    press(&mut app, &[Action::NextFigure, Action::SelectStart]);
    assert_eq!(selected(&app), "12%");
}

#[test]
fn esc_or_v_again_cancels_and_keys_mean_what_they_did() {
    let mut app = reader(TEXT, 100);
    press(&mut app, &[Action::SelectStart, Action::SelectRight]);
    app.update(Action::Clear);
    assert_eq!(app.selection, Selection::None);
    assert_eq!(app.mode(), Mode::Text);
    press(&mut app, &[Action::SelectStart, Action::SelectStart]);
    assert_eq!(app.selection, Selection::None);
    // The keymap reads h j k l . , in the selection mode only.
    let keymap = &app.config.keymap;
    let key = |s: &str| yuedu::input::Key::parse(s).unwrap();
    assert_eq!(keymap.action(Mode::Select, key("j")), Some(Action::SelectDown));
    assert_eq!(keymap.action(Mode::Text, key("j")), Some(Action::LineDown));
    assert_eq!(keymap.action(Mode::Select, key(",")), Some(Action::SelectPrevSentence));
    assert_eq!(keymap.action(Mode::Select, key("Esc")), Some(Action::Clear));
    assert_eq!(keymap.action(Mode::Select, key("y")), Some(Action::Copy));
}

#[test]
fn y_copies_the_selection_and_says_how_many_characters() {
    let mut app = reader(TEXT, 100);
    press(&mut app, &[Action::SelectStart, Action::SelectRight, Action::SelectRight, Action::SelectRight]);
    assert_eq!(copied(&mut app, Action::Copy).as_deref(), Some("甲乙丙。"));
    assert_eq!(app.message.as_deref(), Some("copied 4 characters"));
    assert_eq!(app.selection, Selection::None, "a copied selection ends");
    // The runtime keeps it for the terminal to send.
    press(&mut app, &[Action::SelectStart, Action::Copy]);
    assert_eq!(app.take_clipboard(), vec!["甲".to_string()]);
    assert!(app.take_clipboard().is_empty());
}

#[test]
fn y_without_a_selection_copies_the_selected_quote_or_the_paragraph_at_the_top() {
    let mut app = reader(TEXT, 100);
    assert_eq!(copied(&mut app, Action::Copy).as_deref(), Some("甲乙丙。丁戊！"));
    app.update(Action::NextQuote);
    assert_eq!(copied(&mut app, Action::Copy).as_deref(), Some("辛壬。"));
}

#[test]
fn the_copy_option_chooses_the_shown_or_the_source_form() {
    let text = "他说,好的!然后走了。\n";
    let both = [Action::SelectStart, Action::SelectNextSentence, Action::SelectNextSentence];
    let mut app = reader(text, 100);
    press(&mut app, &both);
    assert_eq!(copied(&mut app, Action::Copy).as_deref(), Some("他说，好的！然后走了。"));
    let mut app = reader_with(text, 100, config("[text]\ncopy = \"source\"\n"));
    press(&mut app, &both);
    assert_eq!(copied(&mut app, Action::Copy).as_deref(), Some("他说,好的!然后走了。"));
    // A mark at the edge of the selection is shown as it is in its place.
    let mut app = reader(text, 100);
    press(&mut app, &[Action::SelectStart, Action::SelectRight, Action::SelectRight]);
    assert_eq!(copied(&mut app, Action::Copy).as_deref(), Some("他说，"));
}

#[test]
fn capital_y_copies_with_the_speaker_and_the_title() {
    let text = "上海新观察\n\n　　“算力的支持至关重要。”北京衔远科技有限公司首席架构师丁成说。\n";
    let mut app = reader(text, 100);
    app.update(Action::NextQuote);
    let q = app.selected_quote().expect("a quote").clone();
    assert_eq!(q.speaker.as_deref(), Some("丁成"));
    assert_eq!(
        copied(&mut app, Action::CopyWithSource).as_deref(),
        Some("“算力的支持至关重要。” —— 丁成，《上海新观察》")
    );
    // The quote selected whole with v has the same speaker.
    let mut app = reader(text, 100);
    app.update(Action::NextQuote);
    press(&mut app, &[Action::SelectStart]);
    assert_eq!(
        copied(&mut app, Action::CopyWithSource).as_deref(),
        Some("“算力的支持至关重要。” —— 丁成，《上海新观察》"),
        "the quote's own marks are not doubled"
    );
    // Outside any quote: no speaker.
    let mut app = reader(text, 100);
    press(&mut app, &[Action::SelectStart, Action::SelectRight]);
    assert_eq!(copied(&mut app, Action::CopyWithSource).as_deref(), Some("“上海” ——《上海新观察》"));
}

#[test]
fn capital_y_names_a_title_over_two_lines_whole_and_a_title_in_book_marks_once() {
    let notice = std::fs::read_to_string(format!("{}/tests/fixtures/notice.txt", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture");
    let mut app = reader(&notice, 100);
    press(&mut app, &[Action::SelectStart, Action::SelectRight]);
    assert_eq!(
        copied(&mut app, Action::CopyWithSource).as_deref(),
        Some("“国务” ——《国务院办公厅关于印发〈城市更新行动方案〉的通知》"),
        "the whole title, the title it names in single marks"
    );
    let mut app = reader("《西游记》\n\n　　诗曰：混沌未分天地乱，茫茫渺渺无人见。\n", 100);
    press(&mut app, &[Action::SelectStart, Action::SelectRight]);
    assert_eq!(copied(&mut app, Action::CopyWithSource).as_deref(), Some("“《西” ——《西游记》"));
}

#[test]
fn a_copy_over_100_kb_is_refused_with_a_message_and_the_selection_stays() {
    // 40 paragraphs of 1,000 hanzi: 120,000 bytes and some line breaks.
    let text = format!("{}。\n", "字".repeat(999)).repeat(40);
    let mut app = reader(&text, 100);
    app.update(Action::SelectStart);
    repeat(&mut app, Action::SelectNextSentence, 40);
    assert_eq!(app.selected_range().map(|r| r.len()), Some(text.len() - 1));
    assert_eq!(copied(&mut app, Action::Copy), None);
    assert_eq!(app.message.as_deref(), Some("not copied: 118 KB is more than a terminal takes (100 KB)"));
    assert_eq!(app.mode(), Mode::Select);
    // Just under the limit goes: 34 paragraphs, 102,034 bytes.
    let text = format!("{}。\n", "字".repeat(999)).repeat(34);
    let mut app = reader(&text, 100);
    app.update(Action::SelectStart);
    repeat(&mut app, Action::SelectNextSentence, 34);
    assert!(text.len() - 1 <= 100 * 1024);
    assert_eq!(copied(&mut app, Action::Copy).map(|t| t.len()), Some(text.len() - 1));
}

#[test]
fn m_saves_the_selection_as_a_highlight_found_again_after_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.toml");
    let mut app = reader(TEXT, 100);
    app.use_bookmarks_file(&file);
    press(&mut app, &[Action::SelectStart, Action::SelectNextSentence, Action::SelectNextSentence]);
    assert_eq!(selected(&app), "甲乙丙。丁戊！");
    app.update(Action::Bookmark);
    assert_eq!(app.message.as_deref(), Some("highlighted: 甲乙丙。丁戊！"));
    assert_eq!(app.selection, Selection::None);
    let saved = Store::new(&file).load().unwrap();
    assert_eq!(saved.len(), 1);
    assert!(saved[0].is_highlight());
    assert_eq!(saved[0].quote, "甲乙丙。丁戊！");
    assert_eq!((saved[0].start, saved[0].end), (0, "甲乙丙。丁戊！".len() as u64));
    assert_eq!(app.quotes.highlights_in(0, 3).count(), 1);
    // The same text with a paragraph put in before the highlight: found again by its
    // words, now further on.
    let mut app = reader(TEXT, 100);
    app.use_bookmarks_file(&file);
    press(&mut app, &[Action::NextQuote, Action::SelectStart, Action::Bookmark]);
    let edited = TEXT.replacen('\n', "\n\n编者按：本文有改动。\n", 1);
    let mut moved = reader(&edited, 100);
    moved.use_bookmarks_file(&file);
    let found: Vec<&str> =
        moved.quotes.highlights_in(0, edited.len()).map(|r| &moved.doc.text[r.clone()]).collect();
    assert_eq!(found, ["甲乙丙。丁戊！", "“辛壬。”"]);
    let r = moved.quotes.highlights_in(0, edited.len()).nth(1).unwrap().clone();
    assert!(r.start > TEXT.find('“').unwrap());
}

#[test]
fn capital_m_saves_a_highlight_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.toml");
    let mut app = reader(TEXT, 100);
    app.use_bookmarks_file(&file);
    press(&mut app, &[Action::SelectStart, Action::SelectRight, Action::BookmarkWithNote]);
    assert!(app.prompt_active());
    app.prompt_paste("重读");
    app.prompt_key(&crossterm::event::KeyEvent::new(crossterm::event::KeyCode::Enter, KeyModifiers::NONE));
    let saved = Store::new(&file).load().unwrap();
    assert_eq!(saved.len(), 1);
    assert!(saved[0].is_highlight());
    assert_eq!((saved[0].quote.as_str(), saved[0].note.as_str()), ("甲乙", "重读"));
}

#[test]
fn a_mouse_drag_over_the_text_selects_what_it_passes() {
    let mut app = reader(TEXT, 100);
    let area = app.panes.text;
    let row = |app: &App, prefix: &str| {
        (0..area.height)
            .find(|&dy| {
                app.view
                    .rows()
                    .nth(usize::from(dy))
                    .and_then(|(_, l)| l)
                    .is_some_and(|l| l.text.starts_with(prefix))
            })
            .map(|dy| area.y + dy)
            .expect("row shown")
    };
    let (y1, y2) = (row(&app, "甲"), row(&app, "己"));
    let indent = |app: &App, y: u16| {
        let line = app.view.rows().nth(usize::from(y - area.y)).and_then(|(_, l)| l).unwrap();
        line.indent as u16
    };
    let (i1, i2) = (indent(&app, y1), indent(&app, y2));
    let ev = |kind, x, y| MouseEvent { kind, column: x, row: y, modifiers: KeyModifiers::NONE };
    // From 乙 (two columns after the indent) to 庚 on the next paragraph's row (its
    // second column).
    app.mouse(&ev(MouseEventKind::Down(MouseButton::Left), area.x + i1 + 2, y1));
    app.mouse(&ev(MouseEventKind::Drag(MouseButton::Left), area.x + i2 + 3, y2));
    assert_eq!(selected(&app), "乙丙。丁戊！\n\n己庚");
    app.mouse(&ev(MouseEventKind::Up(MouseButton::Left), area.x + i2 + 3, y2));
    assert_eq!(app.mode(), Mode::Select);
    // Past the end of a row: its last character.
    app.mouse(&ev(MouseEventKind::Down(MouseButton::Left), area.x + i1, y1));
    assert_eq!(app.selection, Selection::None, "a click lets a selection go");
    app.mouse(&ev(MouseEventKind::Drag(MouseButton::Left), area.x + 60, y1));
    assert_eq!(selected(&app), "甲乙丙。丁戊！");
    // With the mouse off, nothing.
    let mut off = reader_with(TEXT, 100, config("[layout]\nmouse = false\n"));
    off.mouse(&ev(MouseEventKind::Down(MouseButton::Left), area.x + i1 + 2, y1));
    off.mouse(&ev(MouseEventKind::Drag(MouseButton::Left), area.x + i2 + 3, y2));
    assert_eq!(off.selection, Selection::None);
}

/// The style of the cell drawn for the character at byte `at`, the screen drawn on a
/// `TestBackend`.
fn style_at(app: &App, at: usize) -> ratatui::style::Style {
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(app.screen.width, app.screen.height))
            .expect("terminal");
    term.draw(|f| yuedu::ui::draw(app, f)).expect("draw");
    let buf = term.backend().buffer().clone();
    let area = app.panes.text;
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            if app.offset_at(x, y) == Some(at) {
                return buf[(x, y)].style();
            }
        }
    }
    panic!("byte {at} is not on screen");
}

#[test]
fn the_selection_and_highlights_show_without_colour() {
    use ratatui::style::Modifier;
    let dir = tempfile::tempdir().unwrap();
    let config = Config::parse("", "config.toml", true).expect("config");
    let mut app = reader_with(TEXT, 100, config);
    app.use_bookmarks_file(&dir.path().join("b.toml"));
    let ji = TEXT.find('己').unwrap();
    assert!(!style_at(&app, 0).add_modifier.contains(Modifier::REVERSED));
    press(&mut app, &[Action::SelectStart, Action::SelectRight]);
    assert!(style_at(&app, 0).add_modifier.contains(Modifier::REVERSED), "the selection is reversed");
    assert!(style_at(&app, 3).add_modifier.contains(Modifier::REVERSED));
    assert!(!style_at(&app, 6).add_modifier.contains(Modifier::REVERSED), "丙 is not selected");
    app.update(Action::Bookmark);
    let saved = style_at(&app, 0);
    assert!(!saved.add_modifier.contains(Modifier::REVERSED), "the selection ended");
    assert!(saved.add_modifier.contains(Modifier::UNDERLINED | Modifier::ITALIC), "a highlight: {saved:?}");
    assert!(!style_at(&app, ji).add_modifier.contains(Modifier::UNDERLINED));
    assert!(matches!(saved.fg, None | Some(ratatui::style::Color::Reset)), "no colour: {saved:?}");
}

#[test]
fn a_file_without_kinds_reads_as_before_and_kinds_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.toml");
    let one = |id: &str, kind: &str| {
        format!(
            "[[bookmark]]\nid = \"{id}\"\narticle = \"a\"\ntitle = \"t\"\nquote = \"甲乙\"\nline = 1\n\
             start = 0\nend = 6\ncreated = \"2024-05-01T10:00:00Z\"\n{kind}\n"
        )
    };
    let text = [one("old", ""), one("hl", "kind = \"highlight\""), one("new", "kind = \"note\"")].concat();
    std::fs::write(&file, &text).unwrap();
    let store = Store::new(&file);
    let all = store.load().unwrap();
    let kinds: Vec<Option<&str>> = all.iter().map(|b| b.kind.as_deref()).collect();
    assert_eq!(kinds, [None, Some("highlight"), Some("note")]);
    assert_eq!(all.iter().map(|b| b.is_highlight()).collect::<Vec<_>>(), [false, true, false]);
    // A change rewrites the file: the kinds stay, and none is added to the old one.
    let all = store.remove("hl").unwrap();
    assert_eq!(all.len(), 2);
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written.matches("kind = ").count(), 1, "{written}");
    assert!(written.contains("kind = \"note\""), "{written}");
}

#[test]
fn osc_52_carries_the_text_in_base64_so_no_control_of_it_reaches_the_terminal() {
    assert_eq!(yuedu::terminal::osc52("甲乙"), "\x1b]52;c;55Sy5LmZ\x07");
    // A text holding its own escape sequence: only the frame's ESC and BEL are sent.
    let sent = yuedu::terminal::osc52("甲\x1b]0;title\x07\x1b[2J");
    assert_eq!(sent.matches('\x1b').count(), 1, "{sent:?}");
    assert_eq!(sent.matches('\x07').count(), 1, "{sent:?}");
    assert!(sent[1..sent.len() - 1].chars().all(|c| c.is_ascii_graphic()), "{sent:?}");
}

#[test]
fn a_letter_with_its_marks_and_a_wide_character_are_one_step_each() {
    let text = "e\u{301}甲👍🏽乙。\n";
    let mut app = reader(text, 100);
    app.update(Action::SelectStart);
    assert_eq!(selected(&app), "e\u{301}");
    app.update(Action::SelectRight);
    assert_eq!(selected(&app), "e\u{301}甲");
    app.update(Action::SelectRight);
    assert_eq!(selected(&app), "e\u{301}甲👍🏽");
    app.update(Action::SelectLeft);
    assert_eq!(selected(&app), "e\u{301}甲");
}

#[test]
fn the_view_follows_the_moving_end_of_the_selection() {
    let mut app = App::new(Document::bundled(), Config::default(), 100, 30);
    let top = app.top;
    app.update(Action::SelectStart);
    repeat(&mut app, Action::SelectDown, 40);
    assert!(app.top > top, "scrolled down");
    let Selection::Range { cursor, .. } = app.selection else { panic!("selecting") };
    assert!(app.offset_in_view(cursor), "the moving end is on screen");
    repeat(&mut app, Action::SelectUp, 40);
    assert_eq!(app.top, top, "and back up");
    assert_eq!(selected(&app).chars().count(), 1);
}

#[test]
fn a_wrong_copy_option_is_a_one_line_error_with_its_place() {
    let err = Config::from_bytes(b"[text]\ncopy = \"clipboard\"\n", Path::new("config.toml"))
        .expect_err("not a copy form")
        .to_string();
    assert!(err.starts_with("config.toml:2:8:"), "{err}");
    assert!(err.contains("\"display\"") && err.contains("\"source\""), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
