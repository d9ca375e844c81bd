//! The voice note of a report: for a woman who would rather speak than
//! write. Recorded with the webview's `MediaRecorder`, handed to the shell
//! once when she stops, and kept in the vault with the report's draft; the
//! page holds the sound only while she may listen to it (the form closes,
//! and the sound leaves the page, on lock and quick exit).

use crate::i18n::{t, t_str};
use crate::ipc;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kulna_model::record::{ReportDraft, VoiceNote};
use kulna_model::Locale;
use leptos::leptos_dom::helpers::{set_interval_with_handle, IntervalHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobEvent, MediaRecorder, MediaStream, MediaStreamTrack};

/// The longest note the vault accepts (`kulna_core::voice::VOICE_NOTE_MAX_MS`):
/// the recorder stops itself there.
const MAX_MS: f64 = 5.0 * 60.0 * 1000.0;

/// What the recorder may produce, best first; the vault accepts these
/// containers only.
const TYPES: [&str; 5] = [
    "audio/webm;codecs=opus",
    "audio/ogg;codecs=opus",
    "audio/webm",
    "audio/ogg",
    "audio/mp4",
];

/// Why there is no recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// This webview cannot record sound in a form the app keeps.
    Unsupported,
    /// No microphone, or she (or the system) refused it.
    NoMicrophone,
    /// Recording or saving it failed.
    Failed,
}

impl Problem {
    fn code(self) -> &'static str {
        match self {
            Self::Unsupported => "unsupported",
            Self::NoMicrophone => "no-microphone",
            Self::Failed => "failed",
        }
    }
}

/// The first recording type this webview supports, if any.
fn supported_type() -> Option<&'static str> {
    TYPES
        .into_iter()
        .find(|t| MediaRecorder::is_type_supported(t))
}

/// A recording under way: the microphone is on until it finishes or is
/// dropped.
struct Recording {
    recorder: MediaRecorder,
    stream: MediaStream,
    chunks: Rc<RefCell<Vec<Blob>>>,
    _on_data: Closure<dyn FnMut(BlobEvent)>,
    started_ms: f64,
}

impl Recording {
    async fn start() -> Result<Self, Problem> {
        let mime = supported_type().ok_or(Problem::Unsupported)?;
        let devices = web_sys::window()
            .ok_or(Problem::Unsupported)?
            .navigator()
            .media_devices()
            .map_err(|_| Problem::Unsupported)?;
        let constraints = web_sys::MediaStreamConstraints::new();
        constraints.set_audio(&JsValue::TRUE);
        constraints.set_video(&JsValue::FALSE);
        let asked = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|_| Problem::NoMicrophone)?;
        let stream: MediaStream = JsFuture::from(asked)
            .await
            .map_err(|_| Problem::NoMicrophone)?
            .dyn_into()
            .map_err(|_| Problem::NoMicrophone)?;
        let options = web_sys::MediaRecorderOptions::new();
        options.set_mime_type(mime);
        let recorder = match MediaRecorder::new_with_media_stream_and_media_recorder_options(
            &stream, &options,
        ) {
            Ok(r) => r,
            Err(_) => {
                release(&stream);
                return Err(Problem::Unsupported);
            }
        };
        let chunks = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&chunks);
        let on_data = Closure::<dyn FnMut(BlobEvent)>::new(move |event: BlobEvent| {
            if let Some(blob) = event.data() {
                sink.borrow_mut().push(blob);
            }
        });
        recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
        if recorder.start().is_err() {
            release(&stream);
            return Err(Problem::Failed);
        }
        Ok(Self {
            recorder,
            stream,
            chunks,
            _on_data: on_data,
            started_ms: js_sys::Date::now(),
        })
    }

    fn elapsed_ms(&self) -> f64 {
        js_sys::Date::now() - self.started_ms
    }

    /// Stops and gives the note, ready for the vault.
    async fn finish(self) -> Result<VoiceNote, Problem> {
        let duration_ms = self.elapsed_ms().clamp(1.0, MAX_MS) as u32;
        let stopped = js_sys::Promise::new(&mut |resolve, reject| {
            self.recorder.set_onstop(Some(&resolve));
            self.recorder.set_onerror(Some(&reject));
        });
        if self.recorder.stop().is_err() {
            release(&self.stream);
            return Err(Problem::Failed);
        }
        // The microphone goes off once the recorder has let go of it (or
        // after STOP_WAIT_MS at most), so that the recording is not stopped
        // two ways at once: by `stop()` and by its tracks ending.
        let stopped = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(
            &stopped,
            &timeout(STOP_WAIT_MS),
        )))
        .await;
        release(&self.stream);
        match stopped {
            Ok(v) if v.is_instance_of::<web_sys::Event>() => {}
            _ => return Err(Problem::Failed),
        }
        let mime = self.recorder.mime_type();
        let parts = js_sys::Array::new();
        for chunk in self.chunks.borrow().iter() {
            parts.push(chunk);
        }
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(&mime);
        let blob =
            Blob::new_with_blob_sequence_and_options(&parts, &bag).map_err(|_| Problem::Failed)?;
        let buffer = JsFuture::from(blob.array_buffer())
            .await
            .map_err(|_| Problem::Failed)?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        if bytes.is_empty() {
            return Err(Problem::Failed);
        }
        Ok(VoiceNote {
            mime,
            duration_ms,
            data: B64.encode(bytes),
        })
    }

    /// Stops and throws the sound away (the form closed, the app locked).
    fn abandon(self) {
        self.recorder.set_ondataavailable(None);
        let _ = self.recorder.stop();
        release(&self.stream);
    }
}

/// How long a stopping recorder may take to hand its sound over.
const STOP_WAIT_MS: i32 = 5_000;

/// A promise that resolves with `undefined` after `ms`.
fn timeout(ms: i32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    })
}

/// Turns the microphone off.
fn release(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// "1:05": minutes and seconds, digits as written everywhere in Morocco.
fn clock(ms: u32) -> String {
    let s = ms / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

/// What the recorder is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    Starting,
    Recording,
    Saving,
}

/// The voice note part of the report form: record, stop, listen, delete.
#[component]
pub fn VoiceNoteField(
    locale: ReadSignal<Locale>,
    draft: RwSignal<ReportDraft>,
    /// Set while the microphone is on or the note is being kept: the form
    /// waits before sending.
    busy: RwSignal<bool>,
) -> impl IntoView {
    let phase = RwSignal::new(Phase::Idle);
    Effect::new(move |_| busy.set(phase.get() != Phase::Idle));
    let elapsed = RwSignal::new(0u32);
    let problem = RwSignal::new(None::<Problem>);
    // The sound as a data: URL, only once she recorded or asked to listen.
    let player = RwSignal::new(None::<String>);
    let recording = StoredValue::new_local(None::<Recording>);
    let ticker = StoredValue::new(None::<IntervalHandle>);
    let supported = supported_type().is_some();

    let stop_ticker = move || {
        if let Some(handle) = ticker.get_value() {
            handle.clear();
        }
        ticker.set_value(None);
    };
    let finish = move || {
        stop_ticker();
        let Some(current) = recording.try_update_value(Option::take).flatten() else {
            return;
        };
        let Some(id) = draft.get_untracked().id else {
            current.abandon();
            return;
        };
        phase.set(Phase::Saving);
        spawn_local(async move {
            let saved = match current.finish().await {
                Ok(note) => ipc::attach_voice_note(id, &note)
                    .await
                    .map(|info| (info, note.data_url()))
                    .map_err(|_| Problem::Failed),
                Err(p) => Err(p),
            };
            match saved {
                Ok((info, url)) => {
                    draft.update(|d| d.voice_note = Some(info));
                    player.set(url);
                }
                Err(p) => problem.set(Some(p)),
            }
            phase.set(Phase::Idle);
        });
    };
    let tick = move || {
        let ms = recording.with_value(|r| r.as_ref().map(Recording::elapsed_ms));
        match ms {
            Some(ms) if ms >= MAX_MS => finish(),
            Some(ms) => elapsed.set(ms as u32),
            None => stop_ticker(),
        }
    };
    let record = move |_| {
        if phase.get_untracked() != Phase::Idle {
            return;
        }
        problem.set(None);
        phase.set(Phase::Starting);
        spawn_local(async move {
            match Recording::start().await {
                Ok(r) => {
                    recording.set_value(Some(r));
                    elapsed.set(0);
                    phase.set(Phase::Recording);
                    if let Ok(h) = set_interval_with_handle(tick, Duration::from_millis(250)) {
                        ticker.set_value(Some(h));
                    }
                }
                Err(p) => {
                    problem.set(Some(p));
                    phase.set(Phase::Idle);
                }
            }
        });
    };
    let listen = move |_| {
        let Some(id) = draft.get_untracked().id else {
            return;
        };
        spawn_local(async move {
            match ipc::get_voice_note(id).await {
                Ok(Some(note)) => player.set(note.data_url()),
                _ => problem.set(Some(Problem::Failed)),
            }
        });
    };
    let delete = move |_| {
        let Some(id) = draft.get_untracked().id else {
            return;
        };
        spawn_local(async move {
            match ipc::remove_voice_note(id).await {
                Ok(()) => {
                    player.set(None);
                    draft.update(|d| d.voice_note = None);
                }
                Err(_) => problem.set(Some(Problem::Failed)),
            }
        });
    };
    // The form closes (sent, kept, locked, quick exit): the microphone goes off.
    on_cleanup(move || {
        stop_ticker();
        if let Some(r) = recording.try_update_value(Option::take).flatten() {
            r.abandon();
        }
    });

    let has_note = move || draft.with(|d| d.voice_note.is_some());
    view! {
        <fieldset id="voice" class="voice" data-phase=move || format!("{:?}", phase.get()).to_lowercase()>
            <legend>{move || t(locale.get(), "voice-heading")}</legend>
            <Show when=move || !supported>
                <p id="voice-message" class="status-line" data-result="unsupported">
                    {move || t(locale.get(), "voice-unsupported")}
                </p>
            </Show>
            <Show when=move || supported && phase.get() == Phase::Idle && !has_note()>
                <button id="voice-record" type="button" class="secondary" on:click=record>
                    <span aria-hidden="true">"🎙 "</span>{move || t(locale.get(), "voice-record")}
                </button>
            </Show>
            <Show when=move || phase.get() == Phase::Starting>
                <p class="status-line" aria-live="polite">{move || t(locale.get(), "voice-starting")}</p>
            </Show>
            <Show when=move || phase.get() == Phase::Recording>
                <p id="voice-elapsed" class="status-line recording" aria-live="off" dir="ltr">
                    <span aria-hidden="true">"● "</span><bdi>{move || clock(elapsed.get())}</bdi>
                </p>
                <button id="voice-stop" type="button" class="primary" on:click=move |_| finish()>
                    <span aria-hidden="true">"■ "</span>{move || t(locale.get(), "voice-stop")}
                </button>
            </Show>
            <Show when=move || phase.get() == Phase::Saving>
                <p class="status-line" aria-live="polite">{move || t(locale.get(), "voice-saving")}</p>
            </Show>
            <Show when=move || phase.get() == Phase::Idle && has_note()>
                <p id="voice-saved" class="status-line"
                    data-duration-ms=move || draft.with(|d| d.voice_note.as_ref().map(|n| n.duration_ms).unwrap_or(0)).to_string()>
                    {move || {
                        let length = draft.with(|d| d.voice_note.as_ref().map(|n| clock(n.duration_ms)).unwrap_or_default());
                        t_str(locale.get(), "voice-saved", "length", &length)
                    }}
                </p>
                {move || match player.get() {
                    Some(url) => view! {
                        <audio id="voice-player" controls=true preload="metadata" src=url
                            aria-label=move || t(locale.get(), "voice-listen")></audio>
                    }.into_any(),
                    None => view! {
                        <button id="voice-listen" type="button" class="secondary" on:click=listen>
                            <span aria-hidden="true">"▶ "</span>{move || t(locale.get(), "voice-listen")}
                        </button>
                    }.into_any(),
                }}
                <button id="voice-delete" type="button" class="secondary" on:click=delete>
                    {move || t(locale.get(), "voice-delete")}
                </button>
            </Show>
            <Show when=move || problem.get().is_some()>
                <p id="voice-message" class="status-line warn" role="alert"
                    data-result=move || problem.get().map(Problem::code).unwrap_or("")>
                    {move || t(locale.get(), &format!("voice-{}", problem.get().map(Problem::code).unwrap_or("failed")))}
                </p>
            </Show>
        </fieldset>
    }
}
