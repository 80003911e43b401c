/**
 * AdminData dimension data (digest §4.7): the nine types, drawn from the same world as the streams so ids match.
 * Record shapes are the digest's proposal [assumption].
 */
import { ResolvedAnalyticsOptions } from './options';
import { World } from './world';

export const DIMENSION_DATA_TYPES = ['Agent', 'Account', 'Group', 'GroupMember', 'GroupPrivilege', 'ReasonCode', 'RoutingPoint', 'RoutingService', 'Channel'] as const;

export function dimensionData(type: string, world: World, opts: ResolvedAnalyticsOptions): Record<string, unknown>[] | undefined {
  switch (type) {
    case 'Agent':
      return world.agents.map((a) => ({
        agentId: a.agentId, agentFirstName: a.firstName, agentLastName: a.lastName, agentDisplayName: `${a.firstName} ${a.lastName}`,
        supervisorId: a.supervisorId, siteName: a.site.siteName, siteId: a.site.siteId,
      }));
    case 'Account':
      return world.agents.flatMap((a) => a.accounts.map((acc) => ({ accountId: acc.accountId, agentId: a.agentId, channelId: acc.channelId })));
    case 'Group':
      return world.groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName, groupType: g.kind }));
    case 'GroupMember':
      return [
        ...world.agents.flatMap((a) => a.groupIds.map((groupId) => ({ groupId, memberId: a.agentId }))),
        ...world.routingServices.map((s) => ({ groupId: s.groupId, memberId: s.routingServiceName })),
      ];
    case 'GroupPrivilege':
      return opts.users.filter((u) => u.supervisor).flatMap((u) => world.groups.map((g) => ({ groupId: g.groupId, supervisorId: u.username })));
    case 'ReasonCode':
      return world.reasonCodes.map((r) => ({ ...r }));
    case 'RoutingPoint':
      return world.routingPoints.map((r) => ({ ...r }));
    case 'RoutingService':
      return world.routingServices.map((s) => ({ routingServiceName: s.routingServiceName, channelId: s.channelId, groupId: s.groupId }));
    case 'Channel':
      return world.channels.map((channelId) => ({ channelId }));
    default:
      return undefined;
  }
}
