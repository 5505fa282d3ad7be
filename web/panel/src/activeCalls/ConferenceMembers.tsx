import type { Conference, ConferenceMember } from '@switchboard/cti';

/** Who is in the conference the call is in: the agent sees everyone, and which one is themself. */
export function ConferenceMembers({ conference, ownLine }: { conference: Conference; ownLine: string }) {
  return (
    <section className="small" aria-label={`Conference ${conference.name}`}>
      <div className="muted">
        Conference {conference.name} · {conference.members.length} {conference.members.length === 1 ? 'member' : 'members'}
      </div>
      <ul className="list" aria-label="Conference members">
        {conference.members.map((member) => (
          <li key={`${member.line ?? ''}:${member.number}`} className="list__item">
            {memberText(member, ownLine)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function memberText(member: ConferenceMember, ownLine: string): string {
  if (member.line === ownLine) return `You (line ${ownLine})`;
  if (member.line) return `Line ${member.line}`;
  return member.name ? `${member.name} · ${member.number}` : member.number;
}
