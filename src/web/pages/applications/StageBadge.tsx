import { Badge, type BadgeProps } from '@mantine/core';
import { stageColor, useStageName } from './stages';

/** A stage's name on its colour; long names wrap instead of being cut off. */
export function StageBadge({ code, ...props }: { code: string } & Omit<BadgeProps, 'color' | 'children'>) {
  const stageName = useStageName();
  return (
    <Badge
      color={stageColor(code)}
      variant="filled"
      radius="sm"
      tt="none"
      h="auto"
      py={3}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 } }}
      {...props}
    >
      {stageName(code)}
    </Badge>
  );
}
