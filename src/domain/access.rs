//! Who may do what — the one place where access is decided. Handlers ask [`Viewer::can`] on
//! every command and every button, so a forwarded or replayed button from someone without
//! the right does nothing.
//!
//! - a member sees their own data, and reports on the actions of their cooperative or of the
//!   whole cluster;
//! - a cooperative leader follows and organises for their cooperative;
//! - a CDA does everything in the clusters they serve, and nothing in others;
//! - a coordinator (project staff) sees everything.

use super::Role;
use crate::domain::ids::{ClusterId, CooperativeId, MemberId};

/// A member's place in one cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    pub cluster_id: ClusterId,
    pub role: Role,
    pub cooperative_id: Option<CooperativeId>,
}

/// Everything access depends on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    pub member_id: Option<MemberId>,
    pub coordinator: bool,
    pub grants: Vec<Grant>,
}

/// Something someone wants to do in a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act<'a> {
    /// CDA work: invites, questionnaires and their results, the action plan, field notes,
    /// exports, any meeting.
    Coordinate,
    /// Follow or organise for these cooperatives (empty: the whole cluster): meetings,
    /// progress of their actions.
    Lead { cooperatives: &'a [CooperativeId] },
    /// Report on an action owned by these cooperatives (empty: the whole cluster).
    Report { cooperatives: &'a [CooperativeId] },
    /// Change or cancel a meeting made by `creator`.
    ManageMeeting { creator: Option<MemberId> },
}

impl Viewer {
    pub fn can(&self, act: Act<'_>, cluster_id: ClusterId) -> bool {
        if self.coordinator {
            return true;
        }
        let mut grants = self.grants.iter().filter(|g| g.cluster_id == cluster_id);
        let owns = |coops: &[CooperativeId], g: &Grant| {
            coops.is_empty() || g.cooperative_id.is_some_and(|c| coops.contains(&c))
        };
        match act {
            Act::Coordinate => grants.any(|g| g.role == Role::Cda),
            Act::Lead { cooperatives } => {
                grants.any(|g| g.role == Role::Cda || (g.role == Role::Leader && owns(cooperatives, g)))
            }
            Act::Report { cooperatives } => grants.any(|g| g.role == Role::Cda || owns(cooperatives, g)),
            Act::ManageMeeting { creator } => {
                grants.any(|g| g.role == Role::Cda)
                    || (creator.is_some()
                        && creator == self.member_id
                        && self.grants.iter().any(|g| g.cluster_id == cluster_id))
            }
        }
    }

    /// Clusters where the viewer does CDA work.
    pub fn coordinated(&self) -> Vec<ClusterId> {
        let mut clusters: Vec<ClusterId> = self
            .grants
            .iter()
            .filter(|g| self.can(Act::Coordinate, g.cluster_id))
            .map(|g| g.cluster_id)
            .collect();
        clusters.dedup();
        clusters
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: ClusterId = ClusterId(1);
    const OTHER: ClusterId = ClusterId(2);
    const MY_COOP: CooperativeId = CooperativeId(10);
    const OTHER_COOP: CooperativeId = CooperativeId(11);

    fn viewer(role: Option<Role>, coop: Option<CooperativeId>) -> Viewer {
        Viewer {
            member_id: Some(MemberId(7)),
            coordinator: false,
            grants: role
                .map(|role| Grant { cluster_id: HOME, role, cooperative_id: coop })
                .into_iter()
                .collect(),
        }
    }

    /// The access matrix: who × what × own or other cluster.
    #[test]
    fn the_access_matrix_holds() {
        let producer = viewer(Some(Role::Producer), Some(MY_COOP));
        let leader = viewer(Some(Role::Leader), Some(MY_COOP));
        let cda = viewer(Some(Role::Cda), None);
        let stranger = viewer(None, None);
        let coordinator = Viewer { coordinator: true, ..viewer(None, None) };
        let mine = [MY_COOP];
        let theirs = [OTHER_COOP];
        let whole: [CooperativeId; 0] = [];
        let acts: [(&str, Act<'_>); 8] = [
            ("coordinate", Act::Coordinate),
            ("lead my coop", Act::Lead { cooperatives: &mine }),
            ("lead other coop", Act::Lead { cooperatives: &theirs }),
            ("lead whole cluster", Act::Lead { cooperatives: &whole }),
            ("report my coop", Act::Report { cooperatives: &mine }),
            ("report other coop", Act::Report { cooperatives: &theirs }),
            ("report whole cluster", Act::Report { cooperatives: &whole }),
            ("manage someone else's meeting", Act::ManageMeeting { creator: Some(MemberId(99)) }),
        ];
        //                         coordinate lead-mine lead-other lead-whole rep-mine rep-other rep-whole manage
        let table: [(&str, &Viewer, [bool; 8]); 5] = [
            ("producer", &producer, [false, false, false, false, true, false, true, false]),
            ("leader", &leader, [false, true, false, true, true, false, true, false]),
            ("cda", &cda, [true, true, true, true, true, true, true, true]),
            ("stranger", &stranger, [false; 8]),
            ("coordinator", &coordinator, [true; 8]),
        ];
        for (who, v, expected) in table {
            for ((what, act), allowed) in acts.iter().zip(expected) {
                assert_eq!(v.can(*act, HOME), allowed, "{who} may {what} in their cluster: {allowed}");
                let elsewhere = who == "coordinator";
                assert_eq!(v.can(*act, OTHER), elsewhere, "{who} may {what} in another cluster: {elsewhere}");
            }
        }
    }

    #[test]
    fn the_maker_of_a_meeting_may_change_it_in_their_cluster_only() {
        let leader = viewer(Some(Role::Leader), Some(MY_COOP));
        assert!(leader.can(Act::ManageMeeting { creator: Some(MemberId(7)) }, HOME));
        assert!(!leader.can(Act::ManageMeeting { creator: Some(MemberId(7)) }, OTHER));
        assert!(!leader.can(Act::ManageMeeting { creator: None }, HOME));
    }
}
