/**
 * Every trail kind in the reader's language, as "What your device recorded" names it: the server
 * sends the kind's id, never words. An exhaustive switch, so a new kind fails the build until it
 * has its words here.
 */
import { msg } from '@lit/localize';
import type { TrailKind } from '../../../server/protocol/vocabulary';

/** What the device recorded, for one trail kind (e.g. "Page opened"). */
export function trailKindLabel(kind: TrailKind): string {
  switch (kind) {
    case 'login':
      return msg('Logged in');
    case 'login_failed':
      return msg('Failed login');
    case 'logout':
      return msg('Logged out');
    case 'page_view':
      return msg('Page opened');
    case 'blocked_address':
      return msg('Address blocked');
    case 'search':
      return msg('Search');
    case 'search_flagged':
      return msg('Search flagged');
    case 'article_saved':
      return msg('Article saved');
    case 'article_published':
      return msg('Article published');
    case 'article_unpublished':
      return msg('Article withdrawn');
    case 'post_submitted':
      return msg('Post sent for approval');
    case 'post_filtered':
      return msg('Post stopped by the filter');
    case 'post_approved':
      return msg('Post approved');
    case 'post_rejected':
      return msg('Post rejected');
    case 'chat_message':
      return msg('Chat message');
    case 'chat_blocked':
      return msg('Chat message not delivered');
    case 'user_muted':
      return msg('Muted');
    case 'user_unmuted':
      return msg('Unmuted');
    case 'user_revoked':
      return msg('Access withdrawn');
    case 'user_restored':
      return msg('Access restored');
    case 'room_closed':
      return msg('Chat room closed');
    case 'room_reopened':
      return msg('Chat room reopened');
    case 'throttled':
      return msg('Held back for going too fast');
    case 'session_mode_changed':
      return msg('Network switched');
    case 'session_created':
      return msg('Class created');
    case 'seat_joined':
      return msg('Joined the class');
    case 'seat_removed':
      return msg('Student removed');
    case 'seat_renamed':
      return msg('Student renamed');
    case 'roles_assigned':
      return msg('Roles given');
    case 'round_started':
      return msg('Round started');
    case 'round_ended':
      return msg('Round ended');
    case 'session_paused':
      return msg('Class paused');
    case 'session_resumed':
      return msg('Class resumed');
    case 'session_locked':
      return msg('Class locked');
    case 'session_unlocked':
      return msg('Class unlocked');
    case 'session_ended':
      return msg('Class ended');
    case 'session_reset':
      return msg('Class reset');
    case 'event_fired':
      return msg('Scripted event');
    case 'social_posted':
      return msg('Posted on Commons');
    case 'social_shared':
      return msg('Shared on Commons');
    case 'social_liked':
      return msg('Liked');
    case 'social_unliked':
      return msg('Like taken back');
    case 'social_followed':
      return msg('Followed');
    case 'social_unfollowed':
      return msg('Unfollowed');
    case 'social_commented':
      return msg('Commented');
    case 'link_out':
      return msg('Link out of the sandbox');
    case 'would_block':
      return msg('Would have been blocked');
    case 'file_dropped':
      return msg('File received on a stick');
    case 'file_found':
      return msg('File found');
    case 'file_handed_over':
      return msg('File handed over');
    case 'file_opened':
      return msg('File opened');
    case 'file_refused':
      return msg('File refused: not signed');
    case 'notel_handed_over':
      return msg('Notel handed over');
    case 'device_inspected':
      return msg('Device inspected');
    case 'inspection_outcome':
      return msg('Inspection outcome');
    case 'file_traced':
      return msg('File traced');
    case 'screen_snapshot':
      return msg('Screen snapshot');
    case 'site_locked':
      return msg('Site locked: not cleared');
    case 'library_search':
      return msg('Library search');
    case 'library_request':
      return msg('Library request');
    case 'quiz_answered':
      return msg('Quiz answered');
    case 'quiz_opened':
      return msg('Quiz opened');
    case 'cast_warned':
      return msg('Warned by the review bureau (simulated)');
    case 'cast_reported':
      return msg('Reported by a colleague (simulated)');
  }
}
