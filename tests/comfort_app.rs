//! State tests of reading comfort: the text column's width, quiet mode, auto-scroll, the
//! boss key and the settings panel, on an `App` of the bundled article.

mod common;

use std::time::{Duration, Instant};

use yuedu::app::{Action, App, Effect, Mode, Overlay};
use yuedu::config::Config;
use yuedu::document::Document;
use yuedu::i18n::Setting;
use yuedu::store::reader_state::ReaderStateStore;

fn app_with(config: Config, width: u16, height: u16) -> App {
    App::new(Document::bundled(), config, width, height)
}

fn app(width: u16, height: u16) -> App {
    app_with(Config::default(), width, height)
}

/// The first characters in view.
fn first_chars(app: &mut App) -> String {
    let off = app.anchor();
    app.doc.text[off..].chars().take(6).collect()
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn plus_and_minus_step_the_column_by_two_keeping_the_first_character_in_view() {
    let mut a = app(100, 30);
    for _ in 0..7 {
        a.update(Action::LineDown);
    }
    a.update(Action::Narrower);
    a.update(Action::Narrower);
    let (anchor, width) = (a.anchor(), a.panes.text.width);
    let before = first_chars(&mut a);
    a.update(Action::Narrower);
    assert_eq!(a.panes.text.width, width - 2);
    assert_eq!(a.layout.settings().width, usize::from(width - 2), "re-wrapped for the new column");
    assert_eq!(message(&a), format!("text column: {} columns", width - 2));
    a.update(Action::Wider);
    a.update(Action::Wider);
    assert_eq!(a.panes.text.width, width + 2);
    a.update(Action::Narrower);
    assert_eq!(a.panes.text.width, width);
    // The same character starts the view: the rows it lies on may start before it, never after.
    let after = a.anchor();
    assert!(after <= anchor, "{after} > {anchor}");
    let row = a.layout.lines(&a.doc, a.top.block)[a.top.row].clone();
    assert!(row.start <= anchor && anchor < row.end.max(row.start + 1), "{before}");
}

#[test]
fn the_column_stays_within_max_text_width_the_pane_and_ten_columns() {
    let mut config = Config::default();
    config.layout.max_text_width = 50;
    let mut a = app_with(config, 100, 30);
    assert_eq!(a.panes.text.width, 50);
    a.update(Action::Wider);
    assert_eq!(a.panes.text.width, 50);
    assert!(message(&a).contains("widest"), "{}", message(&a));
    for _ in 0..30 {
        a.update(Action::Narrower);
    }
    assert_eq!(a.panes.text.width, 10);
    assert!(message(&a).contains("narrowest"), "{}", message(&a));
    a.update(Action::ResetWidth);
    assert_eq!(a.panes.text.width, 50);
    assert_eq!(a.comfort.width, None);
    // A chosen column never exceeds a pane that shrank under it.
    a.update(Action::Narrower);
    a.resize(30, 20);
    assert!(a.panes.text.width <= 30);
}

#[test]
fn quiet_mode_hides_the_outline_and_the_status_line_and_gives_their_room_to_the_text() {
    let mut a = app(100, 30);
    a.update(Action::PageDown);
    let anchor = a.anchor();
    assert!(a.outline_visible());
    assert_eq!(a.text_height(), 29);
    a.update(Action::Quiet);
    assert!(a.comfort.quiet);
    assert!(!a.outline_visible());
    assert_eq!(a.text_height(), 30, "the status line's row is the text's");
    let row = a.layout.lines(&a.doc, a.top.block)[a.top.row].clone();
    assert!(row.start <= anchor && anchor <= row.end, "the place is kept");
    let screen = common::buffer_text(&common::draw_buffer(&a));
    assert!(!screen.contains("Contents") && !screen.contains("help"), "{screen}");
    // A message shows over the last row, the text keeping its room.
    a.update(Action::NextSection);
    a.say(yuedu::i18n::Msg::OutlineHidden);
    let screen = common::buffer_text(&common::draw_buffer(&a));
    assert!(screen.lines().last().unwrap_or_default().contains("the outline is hidden"), "{screen}");
    assert_eq!(a.text_height(), 30);
    a.update(Action::Quiet);
    assert!(a.outline_visible());
    assert_eq!(a.text_height(), 29);
    // `o` in quiet mode ends it with the outline shown (even one put away before).
    a.update(Action::ToggleOutline);
    assert!(!a.outline_visible());
    a.update(Action::Quiet);
    a.update(Action::ToggleOutline);
    assert!(!a.comfort.quiet && a.outline_visible());
}

#[test]
fn quiet_mode_and_the_speed_are_remembered_beside_the_reading_places() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("reader.toml");
    let mut a = app(100, 30);
    a.use_reader_state(ReaderStateStore::new(&path));
    let effects = a.step(Action::Quiet);
    assert_eq!(effects, vec![Effect::RememberComfort]);
    a.perform(effects);
    a.update(Action::ScrollFaster);
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("quiet = true") && text.contains("auto_scroll_speed = 6"), "{text}");
    let mut b = app(100, 30);
    b.use_reader_state(ReaderStateStore::new(&path));
    assert!(b.comfort.quiet && !b.outline_visible());
    assert_eq!(b.comfort.scroll.level, 6);
    // A speed set in config.toml is the speed at every start, whatever was remembered.
    let mut config = Config::default();
    config.text.auto_scroll_speed = 3;
    let mut d = app_with(config, 100, 30);
    d.use_reader_state(ReaderStateStore::new(&path));
    assert_eq!(d.comfort.scroll.level, 3);
    // A file that is not this shape is named and never overwritten.
    std::fs::write(&path, "quiet = \"yes\"\n").expect("write");
    let mut c = app(100, 30);
    c.use_reader_state(ReaderStateStore::new(&path));
    assert!(message(&c).contains("reader.toml"), "{}", message(&c));
    c.update(Action::Quiet);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "quiet = \"yes\"\n");
}

#[test]
fn auto_scroll_moves_a_row_an_interval_and_a_movement_key_or_a_stops_it() {
    let mut a = app(100, 30);
    let t0 = Instant::now();
    assert_eq!(a.scroll_wait(t0), None, "no tick is needed while it is off");
    a.update(Action::AutoScroll);
    assert!(a.comfort.scroll.on);
    assert!(message(&a).contains("30 rows a minute"), "{}", message(&a));
    let every = a.comfort.scroll.interval();
    assert_eq!(every, Duration::from_secs(2));
    assert!(!a.scroll_tick(t0), "the first row goes an interval after the start");
    let top = a.top;
    assert!(a.scroll_tick(t0 + every));
    assert_eq!(a.top, a.layout.forward(&a.doc, top, 1));
    assert!(a.scroll_tick(t0 + every * 3), "two intervals: two rows");
    assert_eq!(a.top, a.layout.forward(&a.doc, top, 3));
    // Faster: a shorter interval.
    a.update(Action::ScrollFaster);
    assert!(a.comfort.scroll.on, "a speed key does not stop it");
    assert!(a.comfort.scroll.interval() < every);
    a.update(Action::LineDown);
    assert!(!a.comfort.scroll.on, "a movement key stops it");
    a.update(Action::AutoScroll);
    a.update(Action::AutoScroll);
    assert!(!a.comfort.scroll.on);
    assert_eq!(message(&a), "auto-scroll off");
}

#[test]
fn auto_scroll_waits_under_an_overlay_or_a_prompt_and_stops_at_the_end() {
    let mut a = app(100, 30);
    a.update(Action::AutoScroll);
    let t0 = Instant::now();
    a.scroll_tick(t0);
    a.update(Action::Help);
    let top = a.top;
    assert_eq!(a.scroll_wait(t0), None);
    assert!(!a.scroll_tick(t0 + Duration::from_secs(60)));
    assert_eq!(a.top, top, "never under the help");
    a.update(Action::Help);
    a.update(Action::Search);
    assert!(!a.scroll_tick(t0 + Duration::from_secs(120)));
    assert_eq!(a.top, top, "never under a prompt");
    a.prompt = None;
    assert!(a.comfort.scroll.on, "still on once the prompt is gone");
    a.update(Action::Boss);
    assert!(!a.scroll_tick(t0 + Duration::from_secs(180)));
    assert_eq!(a.top, top, "never under the boss screen");
    a.end_boss();
    // Resumed a full interval after the pause ends.
    let t1 = t0 + Duration::from_secs(200);
    assert!(!a.scroll_tick(t1));
    assert!(a.scroll_tick(t1 + a.comfort.scroll.interval()));
    assert_eq!(a.top, a.layout.forward(&a.doc, top, 1));
    // Near the end: it runs to the last row and stops there, saying so.
    a.update(Action::Bottom);
    a.update(Action::LineUp);
    a.update(Action::LineUp);
    a.update(Action::AutoScroll);
    let last = a.layout.max_top(&a.doc, a.text_height());
    let mut now = Instant::now();
    a.scroll_tick(now);
    for _ in 0..5 {
        now += a.comfort.scroll.interval();
        a.scroll_tick(now);
    }
    assert_eq!(a.top, last);
    assert!(!a.comfort.scroll.on);
    assert_eq!(message(&a), "auto-scroll stopped at the end of the text");
}

#[test]
fn the_boss_key_covers_every_character_of_the_text_and_any_key_comes_back() {
    let mut a = app(100, 30);
    a.update(Action::PageDown);
    let top = a.top;
    a.update(Action::Boss);
    assert!(a.comfort.boss);
    let screen = common::buffer_text(&common::draw_buffer(&a));
    assert!(screen.is_ascii(), "no hanzi of the text stays:\n{screen}");
    assert!(screen.contains("$ cargo build"), "{screen}");
    a.end_boss();
    assert!(!a.comfort.boss);
    assert_eq!(a.top, top);
    // From a list too, which is there again after.
    a.update(Action::Help);
    a.update(Action::Boss);
    assert!(a.comfort.boss && a.overlay == Some(Overlay::Help));
    a.end_boss();
    assert_eq!(a.overlay, Some(Overlay::Help));
}

#[test]
fn with_boss_command_the_key_hands_the_command_to_the_terminal() {
    let mut config = Config::default();
    config.boss.command = "top".into();
    let mut a = app_with(config, 100, 30);
    a.update(Action::Boss);
    assert!(!a.comfort.boss);
    assert_eq!(a.take_boss_command().as_deref(), Some("top"));
    assert_eq!(a.take_boss_command(), None, "once");
}

#[test]
fn the_settings_panel_applies_each_change_at_once_and_esc_saves_nothing() {
    let mut a = app(140, 30);
    for _ in 0..10 {
        a.update(Action::LineDown);
    }
    let anchor = a.anchor();
    a.update(Action::Settings);
    assert_eq!(a.overlay, Some(Overlay::Settings));
    assert_eq!(a.mode(), Mode::List);
    assert_eq!(a.setting_under_cursor(), Setting::TextWidth);
    a.update(Action::SettingLess);
    assert_eq!(a.config.layout.max_text_width, 78);
    // 140 columns less the outline leave room for more than 78: the column is 78 now.
    assert_eq!(a.panes.text.width, 78);
    a.update(Action::LineDown);
    assert_eq!(a.setting_under_cursor(), Setting::ParagraphSpacing);
    a.update(Action::SettingMore);
    assert_eq!(a.config.text.paragraph_spacing, 2);
    assert_eq!(a.layout.settings().spacing, 2);
    a.update(Action::LineDown);
    a.update(Action::SettingLess);
    assert_eq!(a.config.text.first_line_indent, "\u{3000}");
    a.update(Action::LineDown);
    a.update(Action::SettingMore);
    assert!(!a.config.text.normalize_punctuation);
    a.update(Action::LineDown);
    let shown = a.figures.shown;
    a.update(Action::SettingMore);
    assert_eq!(a.figures.shown, !shown);
    a.update(Action::LineDown);
    a.update(Action::SettingMore);
    assert_eq!(a.config.interface.theme, yuedu::config::ThemeChoice::Dark);
    a.update(Action::LineDown);
    a.update(Action::LineDown);
    a.update(Action::SettingMore);
    assert_eq!(a.comfort.scroll.level, 6);
    // Every change kept the place on the same character.
    let row = a.layout.lines(&a.doc, a.top.block)[a.top.row].clone();
    assert!(row.start <= anchor && anchor <= row.end);
    let effects = a.step(Action::Close);
    assert!(effects.iter().all(|e| !matches!(e, Effect::SaveSettings(_))));
    assert_eq!(a.overlay, None);
    assert_eq!(a.config.layout.max_text_width, 78, "the changes hold until quitting");
}

#[test]
fn s_in_the_panel_writes_what_changed_into_the_config_keeping_its_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.toml");
    let old = "# my settings\n[layout]\n# narrow, like a newspaper column\nmax_text_width = 60 # was 80\n\n[text]\nstrict = true\n";
    std::fs::write(&path, old).expect("write");
    let config = Config::from_toml(old, Some(&path)).expect("valid");
    let mut a = app_with(config, 100, 30);
    a.update(Action::Settings);
    a.update(Action::SettingMore);
    a.update(Action::LineDown);
    a.update(Action::SettingLess);
    for _ in 0..6 {
        a.update(Action::LineDown);
    }
    assert_eq!(a.setting_under_cursor(), Setting::ScrollSpeed);
    a.update(Action::SettingLess);
    a.update(Action::SaveSettings);
    let new = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        new,
        "# my settings\n[layout]\n# narrow, like a newspaper column\nmax_text_width = 62 # was 80\n\n[text]\nstrict = true\nparagraph_spacing = 0\nauto_scroll_speed = 4\n"
    );
    assert!(message(&a).starts_with("settings saved to"), "{}", message(&a));
    // What was written reads back as what is shown.
    let back = Config::from_toml(&new, Some(&path)).expect("valid");
    assert_eq!(back.layout.max_text_width, 62);
    assert_eq!(back.text.paragraph_spacing, 0);
    assert_eq!(back.text.auto_scroll_speed, 4);
    // With no place to save, it says so.
    let mut b = app(100, 30);
    b.update(Action::Settings);
    b.update(Action::SaveSettings);
    assert!(message(&b).contains("no config file"), "{}", message(&b));
}

#[test]
fn every_comfort_key_is_bound_listed_in_the_help_and_remappable() {
    let config = Config::default();
    let rows = yuedu::app::geometry::help_rows(&config);
    for (action, key) in [
        (Action::Wider, "+"),
        (Action::Narrower, "-"),
        (Action::ResetWidth, "="),
        (Action::Quiet, "z"),
        (Action::AutoScroll, "A"),
        (Action::ScrollSlower, "<"),
        (Action::ScrollFaster, ">"),
        (Action::Boss, "Ctrl-b"),
        (Action::Settings, ","),
        (Action::SaveSettings, "s"),
    ] {
        assert_eq!(config.keymap.first_key(action).as_deref(), Some(key), "{}", action.name());
        assert!(rows.iter().any(|(k, _)| k.split(' ').any(|k| k == key)), "{key}");
    }
    // The column's keys and auto-scroll's make a row each.
    assert!(rows.contains(&("+ - =".into(), "Column wider, narrower, full".into())), "{rows:?}");
    assert!(rows.contains(&("A < >".into(), "Auto-scroll, slower, faster".into())), "{rows:?}");
    assert!(rows.contains(&("Ctrl-b".into(), Action::Boss.description().into())));
    assert!(rows.contains(&("s".into(), Action::SaveSettings.description().into())));
    let user = "[keys]\nquiet = [\"Q\"]\nboss = [\"F12\"]\n";
    let config = Config::from_toml(user, None).expect("valid");
    assert_eq!(config.keymap.keys(Action::Quiet), vec!["Q"]);
    assert_eq!(config.keymap.keys(Action::Boss), vec!["F12"]);
}

#[test]
fn while_a_passage_is_selected_auto_scroll_waits_and_the_boss_key_works() {
    let mut a = app(100, 30);
    a.update(Action::AutoScroll);
    let t0 = Instant::now();
    a.scroll_tick(t0);
    a.update(Action::SelectStart);
    assert_eq!(a.mode(), Mode::Select);
    let top = a.top;
    assert!(!a.scroll_tick(t0 + Duration::from_secs(60)));
    assert_eq!(a.top, top, "the view holds still under a selection");
    let ctrl_b = yuedu::input::Key::parse("Ctrl-b").expect("a key");
    assert_eq!(a.config.keymap.action(Mode::Select, ctrl_b), Some(Action::Boss));
    a.update(Action::Boss);
    assert!(a.comfort.boss);
    a.end_boss();
    assert_eq!(a.mode(), Mode::Select, "the selection is there again");
}
