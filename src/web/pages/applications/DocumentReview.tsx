import { Button, Group, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApplicationDocument, useReviewDocument } from '../../api/applications-queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverFieldErrors } from '../../components/forms';

/** The operator's decision on one uploaded document: accept it, or return it with a required comment. */
export function DocumentReview({ applicationId, doc }: { applicationId: string; doc: ApplicationDocument }) {
  const { t } = useTranslation();
  const review = useReviewDocument(applicationId);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const code = doc.kind.code;
  useEffect(() => {
    if (returning) document.getElementById(`return-comment-${code}`)?.focus();
  }, [returning, code]);

  const onReturn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!comment.trim()) {
      setCommentError(t('applications.review.commentRequired'));
      document.getElementById(`return-comment-${code}`)?.focus();
      return;
    }
    setCommentError(null);
    review.mutate(
      { kind: code, body: { decision: 'returned', comment: comment.trim() } },
      { onSuccess: () => setReturning(false) },
    );
  };
  const serverComment = serverFieldErrors(review.error).comment;

  return (
    <Stack gap="xs" data-testid={`review-${code}`}>
      <ErrorAlert error={review.error} fields={['comment']} />
      {!returning ? (
        <Group gap="xs">
          <Button
            color="ok.8"
            loading={review.isPending}
            onClick={() => review.mutate({ kind: code, body: { decision: 'accepted' } })}
            data-testid={`accept-${code}`}
          >
            {t('applications.review.accept')}
          </Button>
          <Button
            variant="outline"
            color="warn.8"
            onClick={() => setReturning(true)}
            data-testid={`return-${code}`}
          >
            {t('applications.review.return')}
          </Button>
        </Group>
      ) : (
        <form onSubmit={onReturn} noValidate>
          <Stack gap="xs">
            <Textarea
              id={`return-comment-${code}`}
              name="comment"
              label={t('applications.review.commentLabel')}
              description={t('applications.review.commentHint')}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              maxLength={4000}
              autosize
              minRows={2}
              required
              error={commentError ?? serverComment}
            />
            <Group gap="xs">
              <Button
                type="submit"
                color="warn.8"
                loading={review.isPending}
                data-testid={`confirm-return-${code}`}
              >
                {t('applications.review.confirmReturn')}
              </Button>
              <Button variant="default" onClick={() => setReturning(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
