use std::process::ExitCode;

use clusterbot::config::Cli;

#[tokio::main]
async fn main() -> ExitCode {
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
