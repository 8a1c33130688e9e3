//! The command line in unattended CI and beside people's uncommitted work: fail-closed writes,
//! machine output CI can trust, the configuration file and the lpf project as the scope. Real
//! files in temporary folders, real git repositories, and a second real user (`nobody`, through
//! `setpriv`) where ownership matters.

#![cfg(unix)]

#[path = "../common/mod.rs"]
mod common;

mod config;
mod output;
mod writes;
