/**
 * Time is up: three rising tones, made by the Web Audio API (no sound file to load or cache),
 * loud enough to be heard across a room. The page was used before (the timer was started by a
 * click), so the browser lets it play.
 */
export function playChime(): void {
  if (typeof AudioContext === 'undefined') return;
  let audio: AudioContext;
  try {
    audio = new AudioContext();
  } catch {
    return; // no audio device: the message on screen says it
  }
  void audio.resume().catch(() => undefined);
  const at = audio.currentTime + 0.05;
  [660, 880, 1320].forEach((hz, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = hz;
    const from = at + i * 0.22;
    gain.gain.setValueAtTime(0.0001, from);
    gain.gain.exponentialRampToValueAtTime(0.35, from + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, from + 0.45);
    tone.connect(gain).connect(audio.destination);
    tone.start(from);
    tone.stop(from + 0.5);
  });
  setTimeout(() => void audio.close().catch(() => undefined), 1500);
}
