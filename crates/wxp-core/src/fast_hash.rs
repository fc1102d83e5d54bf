//! A fast hasher for the engine's and the transfer review's hash sets of
//! serial numbers (FxHash, as rustc uses).
//!
//! Serial numbers are short and the sets are built per request from data
//! the server already holds, so hash flooding is not a concern; SipHash,
//! the default, made hashing the main cost of reviewing a large file.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (a multiply-rotate hash of the input words) with a SplitMix64
/// finaliser.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // FxHash's low bits depend only on the input's low bits, and the
        // table picks buckets by the low bits: serials that differ only in
        // their last characters would collide. SplitMix64's finaliser
        // spreads every bit over the whole word.
        let mut z = self.hash;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A `HashSet` with [`FxHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;
/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serial::SerialNumber;

    #[test]
    fn sets_work_and_spread() {
        let mut set = FastSet::default();
        for i in 0..10_000 {
            assert!(set.insert(SerialNumber::parse(&format!("5CG{i:07}")).unwrap()));
        }
        assert!(set.contains(&SerialNumber::parse("5CG0000042").unwrap()));
        assert!(!set.contains(&SerialNumber::parse("5CG0010000").unwrap()));
        let h = |s: &str| {
            let mut h = FxHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_ne!(h("5CG0000001"), h("5CG0000002"));
    }
}
