//! Interned free-text keys (reps, channels, sources, products, activity
//! types) and customer keys.

use std::borrow::Cow;

use crate::util::{FastMap, FastSet};

/// No interned name (an empty rep, channel, ...), and no customer.
pub const NONE: u32 = u32::MAX;

pub use crate::util::fold;

/// Interned free-text keys (rep, channel, ...): matched case-insensitively,
/// displayed as first seen.
#[derive(Debug, Default, Clone)]
pub struct Names {
    names: Vec<String>,
    by_key: FastMap<String, u32>,
    // Stored values are already in their display spelling, so the exact text
    // nearly always hits here and folding is skipped.
    by_raw: FastMap<Box<[u8]>, u32>,
    /// Texts shown as another name (a CRM owner id as its user's name), by
    /// folded text.
    aliases: FastMap<String, String>,
}

impl Names {
    pub fn intern(&mut self, raw: &[u8]) -> u32 {
        if let Some(&id) = self.by_raw.get(raw) {
            return id;
        }
        let text = String::from_utf8_lossy(raw);
        let mut key = fold(&text);
        if key.is_empty() {
            return NONE;
        }
        let mut shown = text.trim();
        if let Some(name) = self.aliases.get(&key) {
            // The owner id and the name typed elsewhere are one rep.
            key = fold(name);
            shown = name;
        }
        let id = match self.by_key.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.names.len() as u32;
                self.names.push(shown.to_string());
                self.by_key.insert(key, id);
                id
            }
        };
        self.by_raw.insert(raw.into(), id);
        id
    }

    /// A stored value's id: NONE for NULL or a value that is not text.
    pub(super) fn intern_value(&mut self, v: Option<&[u8]>) -> u32 {
        match v {
            Some(t) => self.intern(t),
            None => NONE,
        }
    }

    /// No names yet; a text `aliases` holds (folded) is shown as its name.
    pub fn with_aliases(aliases: FastMap<String, String>) -> Names {
        Names {
            aliases,
            ..Names::default()
        }
    }

    /// The id of a name as the user typed it, if known.
    pub fn find(&self, text: &str) -> Option<u32> {
        self.by_key.get(&fold(text)).copied()
    }

    /// Every name, by id.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Names interned in this order get these ids back.
    pub fn from_names(names: Vec<String>) -> Names {
        let mut n = Names::default();
        for name in &names {
            n.intern(name.as_bytes());
        }
        n
    }

    pub fn name(&self, id: u32) -> &str {
        self.names
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Every name in its display spelling, in order of first appearance.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Adds `other`'s names; returns, per id of `other`, the id here.
    pub(super) fn merge(&mut self, other: &Names) -> Vec<u32> {
        other
            .names
            .iter()
            .map(|n| self.intern(n.as_bytes()))
            .collect()
    }
}

/// Rewrites interned ids through `map` (NONE stays NONE).
pub(super) fn remap(ids: &mut [u32], map: &[u32]) {
    for id in ids {
        *id = map.get(*id as usize).copied().unwrap_or(NONE);
    }
}

/// Customer keys: the trimmed customer_id, else the normalised name; an id key
/// and a name key are never merged, so they live in separate maps.
#[derive(Debug, Default)]
pub(crate) struct CustomerKeys {
    by_id: FastMap<Box<[u8]>, u32>,
    by_name: FastMap<String, u32>,
    pub(super) count: u32,
}

impl CustomerKeys {
    pub(super) fn key(&mut self, id: Option<&[u8]>, name: Option<&[u8]>) -> u32 {
        let (map_id, map_name) = (&mut self.by_id, &mut self.by_name);
        let count = &mut self.count;
        let mut next = || {
            *count += 1;
            *count - 1
        };
        match CustomerKey::of(id, name) {
            Some(CustomerKey::Id(id)) => {
                if let Some(&c) = map_id.get(&*id) {
                    return c;
                }
                let c = next();
                map_id.insert(id.into(), c);
                c
            }
            Some(CustomerKey::Name(key)) => {
                if let Some(&c) = map_name.get(&key) {
                    return c;
                }
                let c = next();
                map_name.insert(key, c);
                c
            }
            None => NONE,
        }
    }

    /// The keys as flat lists, by customer number, for the column cache: new
    /// orders patched into a cached dataset must find the numbers a load
    /// from SQLite gave their customers.
    pub(super) fn lists(&self) -> CustomerKeyLists {
        self.lists_from(0)
    }

    /// [`CustomerKeys::lists`] of the customers numbered `first` and up.
    pub(super) fn lists_from(&self, first: u32) -> CustomerKeyLists {
        let new = |&(_, c): &(&[u8], u32)| c >= first;
        CustomerKeyLists {
            ids: KeyList::of(self.by_id.iter().map(|(k, &c)| (&k[..], c)).filter(new)),
            names: KeyList::of(
                self.by_name
                    .iter()
                    .map(|(k, &c)| (k.as_bytes(), c))
                    .filter(new),
            ),
        }
    }

    /// Of the keys in `lists` (`count` customers in all), only those of
    /// `wanted`: a few orders patched into a cached dataset need the numbers
    /// of their own customers, not a map of every customer's key (250,000 in
    /// the million-order shop). None when the lists do not hold together (a
    /// damaged cache).
    pub(super) fn from_lists_among(
        lists: &CustomerKeyLists,
        count: usize,
        wanted: &[CustomerKey<'_>],
    ) -> Option<CustomerKeys> {
        let mut ids: FastSet<&[u8]> = FastSet::default();
        let mut names: FastSet<&str> = FastSet::default();
        for key in wanted {
            match key {
                CustomerKey::Id(id) => ids.insert(&**id),
                CustomerKey::Name(name) => names.insert(name.as_str()),
            };
        }
        let want_id = |id: &[u8]| ids.contains(id);
        let want_name = |name: &[u8]| std::str::from_utf8(name).is_ok_and(|n| names.contains(n));
        let mut keys = CustomerKeys {
            count: u32::try_from(count).ok()?,
            ..CustomerKeys::default()
        };
        let valid = |c: u32| (c as usize) < count;
        for (key, c) in lists.ids.iter() {
            let key = key.filter(|_| valid(c))?;
            if want_id(key) {
                keys.by_id.insert(key.into(), c);
            }
        }
        for (key, c) in lists.names.iter() {
            let key = key.filter(|_| valid(c))?;
            if want_name(key) {
                keys.by_name
                    .insert(String::from_utf8(key.to_vec()).ok()?, c);
            }
        }
        Some(keys)
    }
}

/// What tells one customer from another: the trimmed customer_id, else the
/// normalised name.
pub(crate) enum CustomerKey<'a> {
    Id(Cow<'a, [u8]>),
    Name(String),
}

impl<'a> CustomerKey<'a> {
    /// From a row's customer_id and customer_name, each None unless text.
    pub(crate) fn of(id: Option<&'a [u8]>, name: Option<&[u8]>) -> Option<CustomerKey<'a>> {
        if let Some(id) = id {
            let id = id.trim_ascii();
            if !id.is_empty() {
                return Some(CustomerKey::Id(Cow::Borrowed(id)));
            }
        }
        if let Some(name) = name {
            let key = fold(&String::from_utf8_lossy(name));
            if !key.is_empty() {
                return Some(CustomerKey::Name(key));
            }
        }
        None
    }

    /// The key as it lives beyond the row it was read from.
    pub(crate) fn into_owned(self) -> CustomerKey<'static> {
        match self {
            CustomerKey::Id(id) => CustomerKey::Id(Cow::Owned(id.into_owned())),
            CustomerKey::Name(name) => CustomerKey::Name(name),
        }
    }
}

/// Customer keys of one sort, by customer number: key `i` is
/// `bytes[ends[i-1]..ends[i]]` and belongs to customer `customer[i]`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct KeyList {
    pub(crate) bytes: Vec<u8>,
    pub(crate) ends: Vec<u64>,
    pub(crate) customer: Vec<u32>,
}

impl KeyList {
    /// The keys in the order of their customers' numbers.
    fn of<'a>(keys: impl Iterator<Item = (&'a [u8], u32)>) -> KeyList {
        let mut keys: Vec<(&[u8], u32)> = keys.collect();
        keys.sort_unstable_by_key(|&(_, c)| c);
        let mut l = KeyList::default();
        for (key, c) in keys {
            l.bytes.extend_from_slice(key);
            l.ends.push(l.bytes.len() as u64);
            l.customer.push(c);
        }
        l
    }

    /// Keeps the keys of the customers numbered below `count`.
    fn truncate(&mut self, count: u32) {
        let keep = self.customer.partition_point(|&c| c < count);
        let end = keep.checked_sub(1).map_or(0, |last| self.ends[last]);
        self.bytes
            .truncate(usize::try_from(end).unwrap_or(usize::MAX));
        self.ends.truncate(keep);
        self.customer.truncate(keep);
    }

    /// The keys with customer `c` numbered `new_of[c]`, less those NONE.
    fn renumber(&self, new_of: &[u32]) -> KeyList {
        KeyList::of(self.iter().filter_map(|(key, c)| {
            let c = *new_of.get(c as usize)?;
            key.filter(|_| c != NONE).map(|key| (key, c))
        }))
    }

    /// Adds `more`'s keys after these (customers numbered after these).
    fn append(&mut self, more: KeyList) {
        let offset = self.bytes.len() as u64;
        self.bytes.extend_from_slice(&more.bytes);
        self.ends.extend(more.ends.iter().map(|e| e + offset));
        self.customer.extend_from_slice(&more.customer);
    }

    /// Each key (None where an offset is out of bounds) and its customer.
    fn iter(&self) -> impl Iterator<Item = (Option<&[u8]>, u32)> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .zip(self.customer.iter().copied())
            .map(|((start, end), c)| {
                let key = usize::try_from(start)
                    .ok()
                    .zip(usize::try_from(end).ok())
                    .and_then(|(s, e)| self.bytes.get(s..e));
                (key, c)
            })
    }
}

/// The customer keys of a dataset (customer ids and name keys), kept so that
/// the column cache can be patched with new orders.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CustomerKeyLists {
    pub(crate) ids: KeyList,
    pub(crate) names: KeyList,
}

impl CustomerKeyLists {
    /// Adds the keys of customers numbered after every one of these.
    pub(crate) fn append(&mut self, more: CustomerKeyLists) {
        self.ids.append(more.ids);
        self.names.append(more.names);
    }

    /// Keeps the keys of the customers numbered below `count`.
    pub(crate) fn truncate(&mut self, count: u32) {
        self.ids.truncate(count);
        self.names.truncate(count);
    }

    /// The keys with customer `c` numbered `new_of[c]`; those of customers
    /// numbered NONE are left out.
    pub(crate) fn renumber(&self, new_of: &[u32]) -> CustomerKeyLists {
        CustomerKeyLists {
            ids: self.ids.renumber(new_of),
            names: self.names.renumber(new_of),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_case_insensitively_and_show_first_spelling() {
        let mut n = Names::default();
        let a = n.intern(b"Sari Dewi");
        assert_eq!(n.intern(b"  sari   DEWI "), a);
        assert_eq!(n.name(a), "Sari Dewi");
        assert_eq!(n.intern(b"   "), NONE);
        assert_eq!(n.find("SARI dewi"), Some(a));
        assert_eq!(n.find("Budi"), None);
    }
}
