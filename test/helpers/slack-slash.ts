/** Slash commands as Slack posts them: form-encoded, signed with the app's signing secret. */
import { signSlackRequest } from '../../adapters/slack/verify-request.js';

export interface SlashCommand {
  /** vigil's HTTP server port (POST /slack/events). */
  port: number;
  secret: string;
  channel: string;
  user: string;
  text: string;
  responseUrl: string;
}

/** Posts a signed `/vigil <text>`; returns the HTTP status vigil answered with. */
export async function postSlashCommand(command: SlashCommand): Promise<number> {
  const body = new URLSearchParams({
    team_id: 'T0FAKE',
    channel_id: command.channel,
    user_id: command.user,
    user_name: command.user.toLowerCase(),
    command: '/vigil',
    text: command.text,
    api_app_id: 'A0VIGIL',
    response_url: command.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`http://127.0.0.1:${command.port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(command.secret, timestamp, body),
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}
