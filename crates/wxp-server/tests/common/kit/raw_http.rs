//! HTTP/1.1 over a bare TCP socket: the request line goes out exactly as
//! written. An HTTP client library would normalise `/../`, `%2e%2e` and
//! friends away before they reach the server, which is what hostile
//! addresses must not be spared.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// A response as it came.
#[derive(Debug)]
pub struct RawAnswer {
    pub status: u16,
    /// The status line and headers.
    pub head: String,
    /// The body, de-chunked.
    pub body: Vec<u8>,
}

impl RawAnswer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A header's value (the first), by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// Sends `method target` with `headers` and `body` to the server at `base`
/// (`http://host:port`), and reads the whole answer.
pub async fn send(
    base: &str,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> RawAnswer {
    let address = base.strip_prefix("http://").expect("an http:// base");
    let mut request =
        format!("{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut request = request.into_bytes();
    request.extend_from_slice(body);
    let address = address.to_owned();
    // A blocking socket on a blocking thread: plain, and no tokio feature
    // beyond the server's own.
    let raw = tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(&address).expect("the server listens");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        // A server may answer (413) and close before reading all of a body.
        let _ = stream.write_all(&request);
        let mut raw = Vec::new();
        match stream.read_to_end(&mut raw) {
            Err(e) if raw.is_empty() => Err(e),
            _ => Ok(raw),
        }
    })
    .await
    .unwrap()
    .unwrap_or_else(|e| panic!("{method} {target}: no whole answer within 20 s: {e}"));
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("{method} {target}: no header end in {raw:?}"));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{method} {target}: no status in {head:?}"));
    let mut answer = RawAnswer {
        status,
        head,
        body: raw[split + 4..].to_vec(),
    };
    if answer
        .header("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        answer.body = dechunk(&answer.body);
    }
    answer
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let Some(end) = raw.windows(2).position(|w| w == b"\r\n") else {
            return body;
        };
        let size = std::str::from_utf8(&raw[..end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next()?.trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 || raw.len() < end + 2 + size {
            return body;
        }
        body.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[(end + 4 + size).min(raw.len())..];
    }
}
