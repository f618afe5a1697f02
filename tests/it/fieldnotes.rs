//! End to end: a CDA's field notes (text, voice, photo, document, location) go to the
//! cluster chosen with /cluster, can be tagged and listed; wrong invite codes are slowed
//! down; a coordinator works in every cluster.

use clusterbot::domain::{Gender, Locale, Role};
use clusterbot::store::Store;

use crate::botapi::{BotApi, Call, TgUser};
use crate::e2e::{BotProcess, cli, t};
use crate::questionnaire::member;
use crate::support::TestDb;

fn en(key: &str) -> String {
    t(Locale::En, key, &[])
}

#[tokio::test(flavor = "multi_thread")]
async fn field_notes_go_to_the_chosen_cluster_and_guessing_codes_is_slowed_down() {
    let db = TestDb::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let store = db.store.clone();
    let sialkot =
        store.add_cluster("Sialkot", chrono_tz::Asia::Karachi, Locale::Ur, None).await.unwrap().cluster_id;
    let djebba =
        store.add_cluster("Djebba", chrono_tz::Africa::Tunis, Locale::Ar, None).await.unwrap().cluster_id;
    let nadia = TgUser::new(9901, "Nadia", "en");
    let omar = TgUser::new(9902, "Omar", "en");
    let staff = TgUser::new(9903, "Grace", "en");
    let nadia_id = member(&store, sialkot, None, Role::Cda, &nadia, Locale::En, Gender::Woman).await;
    // Nadia serves a second cluster too.
    let spec = clusterbot::domain::InviteSpec {
        cluster_id: djebba,
        role: Role::Cda,
        cooperative_id: None,
        max_uses: 1,
        expires_at: clusterbot::store::now() + chrono::Duration::days(1),
        created_by: None,
    };
    let second = store.add_invite(&spec).await.unwrap();
    store.add_membership(nadia_id, second.invite_id).await.unwrap();
    member(&store, sialkot, None, Role::Producer, &omar, Locale::En, Gender::Man).await;
    member(&store, sialkot, None, Role::Producer, &staff, Locale::En, Gender::Woman).await;

    let api = BotApi::start().await;
    // What Telegram serves for each file: the bot must keep exactly these bytes.
    let media: [(&str, &str, &[u8]); 3] = [
        ("voice", "nadia-voice", b"OggS\0\x02 Nadia's voice note about the dryer"),
        ("photo", "nadia-photo", b"\xff\xd8\xff\xe0 JPEG of the broken dryer"),
        ("document", "nadia-minutes", b"%PDF-1.4 minutes of the Amal meeting"),
    ];
    for (_, file_id, bytes) in media {
        api.put_file(file_id, bytes.to_vec());
    }
    // The default log level: no message text, no name may appear in the log.
    let bot = BotProcess::spawn_logging(&api, &db.url, dir.path(), "bot", "info");
    let expect = |from: usize, user: &TgUser, needle: String| {
        let (api, id) = (&api, user.id);
        async move {
            api.wait_for(from, &needle.clone(), move |c: &Call| {
                c.method == "sendMessage"
                    && c.body["chat_id"].as_i64() == Some(id)
                    && c.text().contains(&needle)
            })
            .await
        }
    };

    // Nadia works in Djebba today.
    api.send_text(&nadia, "/cluster");
    let (i, clusters) = expect(0, &nadia, en("cluster-choose")).await;
    api.press(&nadia, &clusters, &clusters.button("Djebba"));
    let (i, _) = expect(i + 1, &nadia, t(Locale::En, "cluster-chosen", &[("cluster", "Djebba")])).await;
    let saved = t(Locale::En, "field-note-saved", &[("cluster", "Djebba")]);
    api.send_text(&nadia, "Visited the Amal cooperative: the dryer is broken");
    let (i, first) = expect(i + 1, &nadia, saved.clone()).await;
    api.press(&nadia, &first, &first.button_eq(&en("btn-tag-visit")));
    api.send_voice(&nadia, "nadia-voice");
    let (i, _) = expect(i + 1, &nadia, saved.clone()).await;
    api.send_photo(&nadia, "nadia-photo");
    let (i, _) = expect(i + 1, &nadia, saved.clone()).await;
    api.send_document(&nadia, "nadia-minutes", "minutes.pdf");
    let (i, _) = expect(i + 1, &nadia, saved.clone()).await;
    api.send_location(&nadia, 36.47, 9.46);
    let (i, _) = expect(i + 1, &nadia, saved.clone()).await;
    api.send_text(&nadia, "/notes");
    let (_, list) = expect(i + 1, &nadia, t(Locale::En, "notes-title", &[("cluster", "Djebba")])).await;
    assert!(
        list.text().contains("the dryer is broken") && list.text().contains(&en("btn-tag-visit")),
        "{}",
        list.text()
    );
    api.press(&nadia, &list, &list.button(&en("btn-note-voice")));
    let (_, voice) = api.wait_for(0, "the voice note back", |c| c.method == "sendVoice").await;
    let caption = voice.body["caption"].as_str().unwrap_or_default();
    assert!(caption.contains("Nadia") && caption.contains("Djebba"), "who and where: {caption:?}");

    let notes = store.field_notes(djebba, 10).await.unwrap();
    let kinds: Vec<_> = notes.iter().rev().map(|n| n.kind.as_str()).collect();
    assert_eq!(kinds, ["text", "voice", "photo", "document", "location"]);
    assert_eq!(notes.last().unwrap().tag.as_deref(), Some("visit"));
    // The voice note, the photo and the document are kept in DATA_DIR with the bytes sent;
    // the text and the location have no file.
    for n in &notes {
        match media.iter().find(|(kind, _, _)| *kind == n.kind) {
            Some((_, file_id, bytes)) => {
                let path = n.media_path.as_ref().unwrap_or_else(|| panic!("{file_id} has no file: {n:?}"));
                let kept = std::fs::read(dir.path().join("data").join(path))
                    .unwrap_or_else(|e| panic!("{file_id} is not in DATA_DIR ({path}): {e}"));
                assert_eq!(kept, *bytes, "{file_id} is kept as sent");
            }
            None => assert_eq!(n.media_path, None, "{n:?}"),
        }
    }
    assert!(store.field_notes(sialkot, 10).await.unwrap().is_empty(), "nothing went to the other cluster");

    // The notes, exported from the phone as a spreadsheet (CSV), personal fields included for a CDA.
    let before = api.calls().len();
    api.send_text(&nadia, "/export");
    let (_, clusters) = expect(before, &nadia, en("invite-choose-cluster")).await;
    api.press(&nadia, &clusters, &clusters.button("Djebba"));
    let (_, datasets) = expect(before, &nadia, en("export-choose-dataset")).await;
    api.press(&nadia, &datasets, &datasets.button_eq(&en("btn-export-notes")));
    let (_, formats) = expect(before, &nadia, en("export-choose-format")).await;
    api.press(&nadia, &formats, &formats.button_eq(&en("btn-export-csv")));
    let (_, doc) = api.wait_for(before, "the export", |c| c.method == "sendDocument").await;
    let bytes: Vec<u8> = serde_json::from_value(doc.body["document"]["bytes"].clone()).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a BOM for Excel");
    let csv = String::from_utf8(bytes).unwrap();
    assert!(csv.contains("the dryer is broken") && csv.contains("Nadia"), "{csv}");
    assert_eq!(csv.lines().count(), 6, "a header and five notes: {csv}");
    assert!(doc.body["caption"].as_str().unwrap().contains('5'));

    // A producer's free text is not a field note.
    api.send_text(&omar, "hello");
    expect(0, &omar, en("not-understood")).await;

    // Guessing codes: after five wrong ones, even a right code is not looked up for a while.
    let code = cli(&db.url, &["invite", "--cluster", &sialkot.to_string(), "--role", "producer"])[0].clone();
    let guesser = TgUser::new(9904, "Guess", "en");
    let mut at = 0;
    for n in 0..5 {
        api.send_text(&guesser, &format!("/start WRONGCODE{n}"));
        at = expect(at, &guesser, en("start-invalid-code")).await.0 + 1;
    }
    api.send_text(&guesser, &format!("/start {code}"));
    expect(at, &guesser, t(Locale::En, "start-too-many", &[("minutes", "10")])).await;
    assert_eq!(store.dialogue(guesser.id).await.unwrap(), None, "the code was not used");

    // A coordinator (project staff) works in every cluster.
    cli(&db.url, &["coordinator", "--telegram-user", &staff.id.to_string()]);
    api.send_text(&staff, "/cluster");
    let (_, clusters) = expect(0, &staff, en("cluster-choose")).await;
    assert_eq!(clusters.buttons().len(), 2, "both clusters: {:?}", clusters.buttons());
    assert_eq!(api.violations(), Vec::<String>::new());
    let log = bot.kill();
    for private in ["dryer is broken", "Nadia", "Omar", "Grace", "WRONGCODE", "hello", &code] {
        assert!(!log.contains(private), "the log shows {private:?}:\n{log}");
    }
    assert!(log.contains("clusterbot is running"), "{log}");
    let check = Store::connect(&db.url).await.unwrap();
    assert!(check.member_by_telegram(staff.id).await.unwrap().unwrap().coordinator);
    check.close().await;
    api.stop().await;
}
