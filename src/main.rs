use std::process::ExitCode;

use clusterbot::config::Cli;

/// mimalloc rather than glibc's malloc: every update allocates and frees many small pieces
/// (its JSON, its texts, its futures) across the runtime's threads, and mimalloc spends less
/// CPU on them (see BENCHMARKS.md, sixth pass).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option `purge_delay` by number (`mi_option_e` in the `mimalloc.h` that
/// libmimalloc-sys 0.1.49 builds, v3.3; the crate names only some options).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory freed after a burst goes back to the system at once rather than a second later
/// (with arenas committed as used: `.cargo/config.toml`). With mimalloc's defaults the bot's
/// peak resident memory with 2 000 members answering at once was about 125 MB.
fn tune_allocator() {
    // SAFETY: a plain setter of one of mimalloc's global options, called before any other
    // thread runs.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

fn main() -> ExitCode {
    tune_allocator();
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime.block_on(run()),
        Err(e) => {
            eprintln!("error: could not start the runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> ExitCode {
    let cli = Cli::parse_args();
    if let Err(e) = clusterbot::cli::init_logging() {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    match clusterbot::cli::execute(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
