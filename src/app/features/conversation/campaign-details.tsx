import type { Campaign } from '@/domain/schema/campaign'
import { Fact } from '@/app/features/conversation/fact'
import { yesNo } from '@/app/lib/vocabulary/labels'

function nameAndId(name: string | undefined, id: string | number | undefined): string | undefined {
  if (name && id !== undefined) return `${name} (${String(id)})`
  if (name) return name
  return id === undefined ? undefined : String(id)
}

/** The campaign and engagement the conversation came through, folded away by default. */
export function CampaignDetails({ campaign }: { campaign: Campaign | undefined }) {
  const rows: [string, string | undefined][] = campaign
    ? [
        ['Campaign', nameAndId(campaign.campaignName, campaign.campaignId)],
        ['Engagement', nameAndId(campaign.campaignEngagementName, campaign.campaignEngagementId)],
        ['Goal', nameAndId(campaign.goalName, campaign.goalId)],
        ['Engagement source', campaign.engagementSource],
        ['Visitor behavior', nameAndId(campaign.visitorBehaviorName, campaign.visitorBehaviorId)],
        ['Visitor profile', nameAndId(campaign.visitorProfileName, campaign.visitorProfileId)],
        ['Line of business', nameAndId(campaign.lobName, campaign.lobId)],
        ['Location', nameAndId(campaign.locationName, campaign.locationId)],
        [
          'Engagement application',
          nameAndId(campaign.engagementApplicationName, campaign.engagementApplicationId),
        ],
        [
          'Application type',
          nameAndId(campaign.engagementApplicationTypeName, campaign.engagementApplicationTypeId),
        ],
        [
          'System default behavior',
          campaign.behaviorSystemDefault === undefined
            ? undefined
            : yesNo(campaign.behaviorSystemDefault),
        ],
        [
          'System default profile',
          campaign.profileSystemDefault === undefined
            ? undefined
            : yesNo(campaign.profileSystemDefault),
        ],
        ['Agent note', campaign.engagementAgentNote],
      ]
    : []
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
  return (
    <details className="group mt-4 rounded-md border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-200 dark:hover:bg-slate-800">
        Campaign and engagement
      </summary>
      {shown.length > 0 ? (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 px-3 pt-1 pb-3 sm:grid-cols-2 xl:grid-cols-3">
          {shown.map(([label, value]) => (
            <Fact key={label} label={label}>
              {value}
            </Fact>
          ))}
        </dl>
      ) : (
        <p className="px-3 pb-3 text-sm text-slate-600 dark:text-slate-400">
          No campaign information.
        </p>
      )}
    </details>
  )
}
