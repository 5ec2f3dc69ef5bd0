/**
 * Smuggled files (issue 12): USB sticks of the pack's files, copies that carry a chain of device
 * marks, the Notel player, hand-overs in person, the censor's trace and inspection. Type-only.
 */

/** What a file is (fictional content, real kinds). */
export type FileKind = 'news' | 'film' | 'music' | 'ebook' | 'encyclopedia' | 'document';

/** A file of the pack, as the facilitator's console lists it (`GET /api/sessions/:id` → `files`). */
export interface PackFileInfo {
  id: string;
  title: string;
  kind: FileKind;
  signed: boolean;
}

/** One copy on a device. `marks`: how many device marks its chain carries. */
export interface FileCopy {
  copyId: string;
  fileId: string;
  title: string;
  kind: FileKind;
  signed: boolean;
  /** Size as the pack states it, in megabytes. */
  sizeMb: number;
  marks: number;
}

/** `GET /api/files`: the reader's own device. */
export interface FilesResponse {
  copies: FileCopy[];
  notel: boolean;
  /**
   * Optional (added for the client, engineer D): the other students of the reader's session (not the
   * reader, no removed seats), by name, for choosing whom to hand a stick to in person (and whom a
   * censor may inspect). Absent outside a class session.
   */
  classmates?: { playerId: string; name: string }[];
  /** (Added, engineer A) Where the reader may still find the pack's stick (`POST /api/files/find {site}`): demo session only. */
  find?: { site: string };
}

/** (Added, engineer A) `POST /api/files/find` body: the site (id) on whose page the stick is looked for. */
export interface FindFileRequest {
  site: string;
}

/** (Added, engineer A) `POST /api/sessions/:id/files/drop` → the copies made, one per student. */
export interface DropFilesResponse {
  dropped: { playerId: string; copyId: string }[];
}

/** (Added, engineer A) `GET /api/sessions/:id/files` (the facilitator, read-only): every copy with its holder, every Notel. */
export interface SessionFilesResponse {
  copies: (FileCopy & { holder: { playerId: string; name: string } | null })[];
  notels: { playerId: string; name: string }[];
}

/** What opening a file shows (on a Notel, or a signed file on a state device). */
export interface FileContent {
  fileId: string;
  kind: FileKind;
  title: string;
  /** Paragraphs of text (a film or an album: its description, scenes or track list, as the pack writes it). */
  body: string[];
  /** Where it was opened: the Notel or the state terminal. */
  device: 'notel' | 'terminal';
}

/** `POST /api/files/:copyId/open` → 200; 403 `{error: {code: "unsigned"}}` on a state device. */
export interface OpenFileResponse {
  content: FileContent;
}

/** `POST /api/files/:copyId/handover` body (and `POST /api/files/notel/handover` for the Notel itself). */
export interface HandoverRequest {
  to: string;
}

/** `POST /api/sessions/:id/files/drop` body. */
export interface DropFilesRequest {
  fileId: string;
  to: string[];
}

/** `POST /api/inspections` body (a censor, only during an inspection event). */
export interface InspectionRequest {
  playerId: string;
}

/** `POST /api/inspections` → what the inspected device holds (not where it came from). */
export interface InspectionResponse {
  playerId: string;
  name: string;
  copies: FileCopy[];
  notel: boolean;
}

/** What a censor decides after an inspection. */
export type InspectionOutcome = 'warning' | 'confiscation' | 'revocation';

/** `POST /api/inspections/outcome` body. */
export interface InspectionOutcomeRequest {
  playerId: string;
  outcome: InspectionOutcome;
}

/** One link of a copy's chain of custody. */
export interface CustodyMark {
  deviceOf: { playerId: string; name: string };
  at: string;
}

/** `GET /api/files/:copyId/trace` (a censor, a copy found by inspection): first holder first. */
export interface TraceResponse {
  chain: CustodyMark[];
}

/** `files:changed` push: the reader's device holdings changed (received, handed over, confiscated). */
export interface FilesChangedPush {
  reason: 'received' | 'handed_over' | 'confiscated' | 'found';
}
