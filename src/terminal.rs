//! Entering and leaving full screen, with one restore path for quit, error, panic and
//! signals (SIGTERM, SIGHUP, SIGINT); suspending on Ctrl-z or SIGTSTP and taking the
//! terminal back on `fg`; bracketed paste on while the reader runs; copies to the clipboard
//! sent with OSC 52 ([`osc52`]); the window title names the text ([`window_title`]) and the
//! terminal's own title comes back on the way out; [`background`] asks the terminal for its
//! background colour before any of that, and [`typeahead`] keeps the keys typed meanwhile
//! (acted on first, after the first frame); [`backend`] writes each frame with few cursor
//! moves.

pub mod backend;
pub mod background;
pub mod typeahead;

use std::io::{IsTerminal, Write, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyCode, KeyEventKind, KeyModifiers,
};
use crossterm::terminal::EnterAlternateScreen;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};

use crate::app::{Action, App};
use crate::input::Key;

/// Whether the reader has a terminal: standard output is one, and so is standard input or,
/// when the text comes through it (a pipe), the controlling terminal (`/dev/tty`), where
/// crossterm then reads the keys and sets raw mode.
pub fn is_interactive() -> bool {
    stdout().is_terminal() && (std::io::stdin().is_terminal() || controlling_terminal())
}

/// Whether the process has a controlling terminal it can read and write.
fn controlling_terminal() -> bool {
    std::fs::OpenOptions::new().read(true).write(true).open("/dev/tty").is_ok_and(|f| f.is_terminal())
}

/// Restores the terminal: gives the mouse back, leaves raw mode and the alternate screen,
/// shows the cursor. Safe to call more than once (and when the mouse was never taken).
pub fn restore() {
    let _ = crossterm::execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    // The title the terminal had before, from its title stack (ignored where there is none).
    let _ = stdout().write_all(TITLE_POP.as_bytes()).and_then(|()| stdout().flush());
    ratatui::restore();
}

/// Saves the terminal's window title on its title stack (xterm's window operation 22).
const TITLE_PUSH: &str = "\x1b[22;0t";
/// Takes the saved title back (window operation 23).
const TITLE_POP: &str = "\x1b[23;0t";
/// Set when the reader takes the terminal (again): the title is to be pushed and sent.
static TITLE_STALE: AtomicBool = AtomicBool::new(true);

/// The window title while reading: the text's name (a file's name, a book's title, or
/// `(stdin)`) and the program's. The name is cleaned like every other cell, so nothing of
/// it can end the title's sequence or act on the terminal, and kept short.
pub fn window_title(name: &str) -> String {
    let name: String = crate::sanitize::clean(name).chars().take(120).collect();
    format!("{name} — yuedu")
}

/// Sends the window title when the terminal was (re)taken or the title changed. On the boss
/// screen nothing of the text stays in the title: it is emptied, then the terminal's own is
/// taken back from its stack (and saved again for the way out).
fn send_title(app: &App, sent: &mut Option<(String, bool)>) -> std::io::Result<()> {
    // What the title says: the text's name, or nothing of it on the boss screen.
    let now = (&app.doc.name, app.comfort.boss);
    let fresh = TITLE_STALE.swap(false, Ordering::Relaxed);
    if !fresh && sent.as_ref().is_some_and(|(name, boss)| (name, *boss) == now) {
        return Ok(());
    }
    let title = (!app.comfort.boss).then(|| window_title(&app.doc.name));
    let mut out = stdout().lock();
    if fresh {
        out.write_all(TITLE_PUSH.as_bytes())?;
    }
    match &title {
        Some(t) => crossterm::queue!(out, crossterm::terminal::SetTitle(t))?,
        None => {
            crossterm::queue!(out, crossterm::terminal::SetTitle(""))?;
            out.write_all(TITLE_POP.as_bytes())?;
            out.write_all(TITLE_PUSH.as_bytes())?;
        }
    }
    *sent = Some((app.doc.name.clone(), app.comfort.boss));
    out.flush()
}

/// Takes the terminal for full screen again (after a suspension): raw mode, the alternate
/// screen, bracketed paste, and the mouse when the config asks for it.
fn enter(mouse: bool) -> std::io::Result<()> {
    TITLE_STALE.store(true, Ordering::Relaxed);
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        crossterm::execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// The terminal the reader draws on. Its output is buffered and sent once a frame (ratatui
/// flushes at the end of each draw): standard output's own buffer is a line long, so a
/// frame of Chinese text would go out in dozens of writes, each of which the terminal
/// takes up on its own.
/// Cells after a wide character are written with no cursor move ([`backend::Compact`]).
type Screen = ratatui::Terminal<
    backend::Compact<ratatui::backend::CrosstermBackend<std::io::BufWriter<std::io::Stdout>>>,
>;

/// How much output is held before it is written: a whole frame, even of a large screen.
const FRAME_BUFFER_BYTES: usize = 256 << 10;

/// Takes the terminal: raw mode, the alternate screen (as `ratatui::try_init` does, whose
/// panic hook [`run`] installs itself).
fn take_screen() -> std::io::Result<Screen> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(stdout(), EnterAlternateScreen)?;
    let backend = backend::Compact::new(ratatui::backend::CrosstermBackend::new(
        std::io::BufWriter::with_capacity(FRAME_BUFFER_BYTES, stdout()),
    ));
    ratatui::Terminal::new(backend)
}

/// Signals the event loop acts on between events.
struct Signals {
    /// SIGTERM, SIGHUP or SIGINT: save and leave.
    stop: Arc<AtomicBool>,
    /// SIGTSTP (`kill -TSTP`): suspend like Ctrl-z.
    suspend: Arc<AtomicBool>,
    /// SIGCONT: continued after a stop the reader did not see coming (SIGSTOP): take the
    /// terminal back.
    resumed: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register(sig, Arc::clone(&stop))?;
        }
        let suspend = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
        let resumed = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGCONT, Arc::clone(&resumed))?;
        Ok(Signals { stop, suspend, resumed })
    }
}

/// Ctrl-z: gives the terminal back to the shell, stops the process, and once continued
/// (`fg`) takes the terminal again and redraws everything.
fn suspend(terminal: &mut Screen, app: &App, signals: &Signals) -> anyhow::Result<()> {
    restore();
    // The default action of SIGTSTP (stop), which the registered flag replaced.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    signals.resumed.store(false, Ordering::Relaxed);
    enter(app.config.layout.mouse)?;
    terminal.clear()?;
    Ok(())
}

/// Runs the reader until the user quits or a signal arrives. The terminal is restored on
/// every way out, including a panic (a panic hook).
/// `loader`, when the text's beginning is shown while the rest is read, brings the rest.
/// `typed`: keys typed before the reader took the terminal ([`background::Asked::answer`]),
/// acted on in order once the first frame is drawn, before any key read later.
pub fn run(
    mut app: App,
    mut loader: Option<crate::app::loading::Loader>,
    typed: Vec<Event>,
) -> anyhow::Result<()> {
    let signals = Signals::register()?;
    // Fallible: a terminal that refuses raw mode is a one-line error, not a panic.
    let mut terminal = match take_screen() {
        Ok(t) => t,
        Err(e) => {
            restore();
            return Err(anyhow::anyhow!(crate::i18n::text(crate::i18n::Msg::CannotTakeTerminal(
                &e.to_string()
            ))));
        }
    };
    watch_for_hangup();
    // Restores the terminal (the mouse too) on a panic, then chains to the hook there was.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    // A paste arrives as one event, so a pasted newline or `q` is text, not a command.
    let mut result = crossterm::execute!(stdout(), EnableBracketedPaste).map_err(anyhow::Error::from);
    if result.is_ok() && app.config.layout.mouse {
        result = crossterm::execute!(stdout(), EnableMouseCapture).map_err(anyhow::Error::from);
    }
    if result.is_ok() {
        result = event_loop(&mut terminal, &mut app, &signals, &mut loader, typed.into());
    }
    restore();
    // The reading place is saved on every way out but a panic (quit, error, signal).
    if let Err(e) = app.save_position() {
        // After SIGHUP there may be no terminal to write to: never fail on that.
        let _ = writeln!(std::io::stderr(), "yuedu: {}", crate::sanitize::clean(&e.to_string()));
    }
    result
}

/// Ends the process when the terminal goes away (window closed, connection lost). The
/// hangup signal may reach only the shell, and crossterm 0.29 then spins inside
/// `event::poll` on the endless end-of-file, never returning even with a timeout
/// (crossterm-rs/crossterm#793), so the event loop cannot notice it itself. There is no
/// terminal left to restore; bookmarks are already on disk (each is saved at once) and the
/// reading place as of the last periodic save.
fn watch_for_hangup() {
    // Standard input, or standard output when the text came through a pipe.
    let stdin = std::io::stdin().is_terminal();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(500));
            let there = if stdin { std::io::stdin().is_terminal() } else { stdout().is_terminal() };
            if !there {
                // 128 + SIGHUP, as if the hangup signal had ended it.
                std::process::exit(129);
            }
        }
    });
}

/// A key or a paste: to the open prompt, else the action the keymap binds it to.
fn input(app: &mut App, ev: Event) {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release && app.prompt_active() => app.prompt_key(&k),
        Event::Paste(text) => app.prompt_paste(&text),
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let key = Key::from_event(&k);
            if let Some(action) = app.config.keymap.action(app.mode(), key) {
                // The state changes, then the effects it returned are performed, and the
                // view is worked out once, after both.
                app.update(action);
            } else if app.overlay.is_some() {
                app.close_overlay();
            }
        }
        _ => {}
    }
}

/// How long the event loop waits for input between looks at signals, saves and the file.
const IDLE_POLL: Duration = Duration::from_millis(200);

/// How often the loop wakes while the rest of the text is read, to ask the loader for news
/// (or while quotes are found on its thread). A look costs microseconds, but news of how far
/// the loader has read redraws the status line: every 10 ms that was a frame every 10 ms
/// while a long text was read, sharing the two cores with the loader and the terminal.
const LOADING_POLL: Duration = Duration::from_millis(50);

/// The boss key with `boss.command`: the terminal is given back (as for Ctrl-z), the
/// command runs in it through `sh -c`, and when it ends the reader takes the terminal again
/// and redraws at the same place. Ctrl-c or Ctrl-z typed in the command are the command's.
fn run_boss_command(
    terminal: &mut Screen,
    app: &mut App,
    signals: &Signals,
    command: &str,
) -> anyhow::Result<()> {
    restore();
    let status = std::process::Command::new("sh").arg("-c").arg(command).status();
    // The terminal's Ctrl-c and Ctrl-z reached the reader's process group too.
    signals.stop.store(false, Ordering::Relaxed);
    signals.suspend.store(false, Ordering::Relaxed);
    signals.resumed.store(false, Ordering::Relaxed);
    enter(app.config.layout.mouse)?;
    terminal.clear()?;
    if let Err(e) = status {
        app.boss_failed(&e.to_string());
    }
    Ok(())
}

/// The OSC 52 sequence that puts `text` on the clipboard. The text is base64, so nothing
/// of it can act as a control sequence (it needs no [`crate::sanitize`]); a terminal that
/// does not know OSC 52 ignores the sequence.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text))
}

/// Sends what the reader asked to copy ([`App::take_clipboard`]) to the terminal.
fn send_clipboard(app: &mut App) -> std::io::Result<()> {
    let texts = app.take_clipboard();
    if texts.is_empty() {
        return Ok(());
    }
    let mut out = stdout().lock();
    for text in texts {
        out.write_all(osc52(&text).as_bytes())?;
    }
    out.flush()
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    signals: &Signals,
    loader: &mut Option<crate::app::loading::Loader>,
    mut typed: std::collections::VecDeque<Event>,
) -> anyhow::Result<()> {
    // Keys and pastes that came after a key waiting for the whole text: they wait too, as
    // they came (the letters of a search typed after `/` are the search's).
    let mut held: Vec<Event> = Vec::new();
    let mut title = None;
    // Nothing the loader sent is taken before the first frame: the beginning is drawn first,
    // even when the whole text is there already (a text of a few megabytes is read while
    // the beginning is set up, and putting it in place would delay the first frame).
    let mut drawn = false;
    // Whether the frame about to be drawn answers input (the loader gives way once it is drawn).
    let mut took_input = false;
    // Whether the loader's news was left for the next frame (see below).
    let mut news_deferred = false;
    loop {
        // The rest of the text, as far as it has come: progress, or the whole document. Not
        // before the frame that answers a key (put in place, the whole text would delay it
        // and the key would act on it; `G` shows the end at once), but at the next frame.
        let defer = took_input && !news_deferred;
        news_deferred = defer;
        if drawn
            && !defer
            && let Some(news) = loader.as_mut().and_then(crate::app::loading::Loader::poll)
        {
            app.loader_news(news);
        }
        app.quotes_arrived();
        if !app.is_loading() {
            *loader = None;
            for ev in std::mem::take(&mut held) {
                input(app, ev);
            }
        }
        if let Some(command) = app.take_boss_command() {
            run_boss_command(terminal, app, signals, &command)?;
        }
        // The size as it is now, not as the last resize event said (a resize storm): the
        // frame is drawn at this size, and drawing copes with a size changed since.
        let size = terminal.size()?;
        if (size.width, size.height) != (app.screen.width, app.screen.height) {
            app.resize(size.width, size.height);
        }
        // The file on disk is looked at between events too, not only when none come, and
        // auto-scroll keeps its pace while events arrive (mouse moves).
        app.watch(Instant::now());
        send_clipboard(app)?;
        send_title(app, &mut title)?;
        app.scroll_tick(Instant::now());
        terminal.draw(|f| crate::ui::draw(app, f))?;
        drawn = true;
        if let Some(loader) = loader.as_mut() {
            loader.frame_drawn();
        }
        if took_input {
            give_way(app, loader.as_ref());
        }
        took_input = false;
        if app.should_quit {
            return Ok(());
        }
        // Keys typed while the reader started, as if just read (those after a suspension
        // wait for the next frame, as read ones do).
        if !typed.is_empty() {
            took_input = true;
            give_way(app, loader.as_ref());
            while let Some(ev) = typed.pop_front() {
                if act_on(terminal, app, signals, &mut held, ev)? == Next::Draw || app.should_quit {
                    break;
                }
            }
            continue;
        }
        // Wait for input, checking for signals a few times a second.
        loop {
            if signals.stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            if signals.suspend.swap(false, Ordering::Relaxed) {
                suspend(terminal, app, signals)?;
                break;
            }
            if signals.resumed.swap(false, Ordering::Relaxed) {
                // Stopped by SIGSTOP and continued: the shell may have reset the terminal.
                enter(app.config.layout.mouse)?;
                terminal.clear()?;
                break;
            }
            // While the rest of the text is read, the loader is asked for news often (it
            // cannot wake the wait itself); auto-scroll wakes the loop for its next row;
            // otherwise a few times a second.
            let idle = if loader.is_some() || app.quotes.coming.is_some() { LOADING_POLL } else { IDLE_POLL };
            let wait = app.scroll_wait(Instant::now()).map_or(idle, |w| w.min(idle));
            if event::poll(wait)? {
                break;
            }
            // The loader's news, the reading place saved every few seconds (a failure shown
            // at once), a change of the file on disk: the screen is drawn again only when
            // one of them shows something new.
            if app.between_events(Instant::now(), loader.as_mut()) {
                break;
            }
        }
        if !event::poll(Duration::ZERO)? {
            continue;
        }
        took_input = true;
        give_way(app, loader.as_ref());
        // Take every event that is already waiting before drawing again (a resize storm
        // or held key costs one frame, not one per event).
        loop {
            if act_on(terminal, app, signals, &mut held, event::read()?)? == Next::Draw {
                break;
            }
            if app.should_quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// The loader gives way while the reader takes input and draws the frame for it
/// ([`crate::app::loading::Loader::reader_busy`]), but not while a key waits for the whole
/// text the loader is reading.
fn give_way(app: &App, loader: Option<&crate::app::loading::Loader>) {
    if let Some(loader) = loader
        && !app.keys_wait()
    {
        loader.reader_busy();
    }
}

/// Whether the loop takes the next waiting event or draws first.
#[derive(Debug, PartialEq, Eq)]
enum Next {
    Event,
    Draw,
}

/// Acts on one event, read or typed before the reader took the terminal: every key goes
/// through this one match, so Quit, Ctrl-c, the boss key, Ctrl-z and the keys that wait for
/// the whole text (`held`) behave the same whenever they came.
fn act_on(
    terminal: &mut Screen,
    app: &mut App,
    signals: &Signals,
    held: &mut Vec<Event>,
    ev: Event,
) -> anyhow::Result<Next> {
    // Debug builds only: with YUEDU_TEST_PANIC=1 a key press panics, so the tests can
    // check that a panic leaves the terminal usable (tests/hardening.rs).
    #[cfg(debug_assertions)]
    if matches!(ev, Event::Key(_)) && std::env::var_os("YUEDU_TEST_PANIC").is_some_and(|v| v == "1") {
        panic!("YUEDU_TEST_PANIC=1: a forced panic, to test that the terminal is restored");
    }
    match ev {
        // Ctrl-z suspends, as in every full-screen program (raw mode turned it into
        // a key).
        Event::Key(k)
            if k.kind != KeyEventKind::Release
                && k.code == KeyCode::Char('z')
                && k.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            suspend(terminal, app, signals)?;
            return Ok(Next::Draw);
        }
        // Any key on the boss screen comes back to the same place (Ctrl-c too).
        Event::Key(k) if k.kind != KeyEventKind::Release && app.comfort.boss => app.end_boss(),
        Event::Mouse(_) | Event::Paste(_) if app.comfort.boss => {}
        // Ctrl-c quits from anywhere, a prompt or a list too (see `quits_anywhere`).
        Event::Key(k) if k.kind != KeyEventKind::Release && app.quits_anywhere(Key::from_event(&k)) => {
            app.should_quit = true;
        }
        // The boss key works while a prompt is open too (the prompt is kept), unless
        // it is a key that types (a letter bound to it goes into the prompt).
        Event::Key(k)
            if k.kind != KeyEventKind::Release
                && app.prompt_active()
                && (k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                    || matches!(k.code, KeyCode::F(_)))
                && app.config.keymap.binds(crate::input::Action::Boss, Key::from_event(&k)) =>
        {
            app.update(crate::input::Action::Boss);
        }
        Event::Key(k)
            if k.kind != KeyEventKind::Release
                && app.config.keymap.action(app.mode(), Key::from_event(&k)) == Some(Action::Quit) =>
        {
            input(app, ev);
        }
        // Behind a key that waits for the whole text, and behind the keys held with it until
        // they are replayed (the whole text may have come just before this key).
        Event::Key(_) | Event::Paste(_) if app.keys_wait() || !held.is_empty() => {
            held.push(ev);
        }
        Event::Key(_) | Event::Paste(_) => input(app, ev),
        Event::Resize(w, h) => app.resize(w, h),
        Event::Mouse(m) => app.mouse(&m),
        _ => {}
    }
    Ok(Next::Event)
}
