//! The eframe app. It only displays what the core modules compute; SQL and
//! file work run on background threads (`tasks`).

mod answers;
mod app;
pub mod backups;
mod command;
mod dashboard;
mod data_tab;
mod error;
mod exports;
mod figures;
mod file_dialog;
mod import_wizard;
mod keyring;
pub mod recovery;
mod session;
mod settings_tab;
mod targets_tab;
mod tasks;
mod welcome;

pub use app::{AppConfig, LarisApp};

/// The app id: the Linux desktop file must carry the same name for Wayland to
/// show the icon, so it is defined next to the code that writes that file.
pub const APP_ID: &str = crate::desktop::APP_ID;

static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Called first thing in `main`, so that [`first_frame_probe`] can tell the
/// time to the first frame.
pub fn mark_process_start() {
    PROCESS_START.get_or_init(std::time::Instant::now);
}

/// The cold-start measurement of docs/benchmarks.md: with
/// `LARIS_EXIT_AFTER_FIRST_FRAME=1`, prints the time from `main` to the first
/// frame on screen and closes the window. Called at the start of every frame:
/// the second call is the first moment the first frame is known painted.
fn first_frame_probe(ctx: &egui::Context) {
    use std::sync::atomic::{AtomicU32, Ordering};
    static CALLS: AtomicU32 = AtomicU32::new(0);
    if std::env::var_os("LARIS_EXIT_AFTER_FIRST_FRAME").is_none_or(|v| v != "1") {
        return;
    }
    match CALLS.fetch_add(1, Ordering::Relaxed) {
        0 => ctx.request_repaint(),
        1 => {
            if let Some(start) = PROCESS_START.get() {
                println!("first frame after {} ms", start.elapsed().as_millis());
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        _ => {}
    }
}

/// Opens the window. Tries the GPU renderer (wgpu) first and, where it cannot
/// start, eframe's OpenGL renderer.
pub fn run(config: AppConfig) -> anyhow::Result<()> {
    let first = run_with(config.clone(), eframe::Renderer::Wgpu);
    match first {
        Ok(()) => Ok(()),
        Err(wgpu_error) => {
            eprintln!("laris: the GPU renderer could not start ({wgpu_error}); trying OpenGL");
            run_with(config, eframe::Renderer::Glow).map_err(|glow_error| {
                anyhow::anyhow!(
                    "Laris could not open its window. The GPU renderer said: {wgpu_error}. \
                     The OpenGL renderer said: {glow_error}. Install your graphics driver \
                     (on Debian: mesa-vulkan-drivers or libgl1-mesa-dri) and try again."
                )
            })
        }
    }
}

fn run_with(config: AppConfig, renderer: eframe::Renderer) -> eframe::Result {
    let icon = eframe::icon_data::from_png_bytes(laris_view::assets::ICON_256).unwrap_or_default();
    let options = eframe::NativeOptions {
        renderer,
        viewport: egui::ViewportBuilder::default()
            .with_title("Laris")
            .with_app_id(APP_ID)
            .with_icon(icon)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Laris",
        options,
        Box::new(move |cc| Ok(Box::new(LarisApp::new(cc, config)))),
    )
}
